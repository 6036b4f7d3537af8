-- Why: issue 17 (one look): an organizer's public pages (event, organizer page, checkout, order page) take the
-- account's brand colour for their header band, buttons and links. Null means the EventOS blue. Stored as
-- lower-case #rrggbb; AccountSettingsService also refuses colours too light for white text (WCAG AA, 4.5:1), which
-- the database cannot compute, so it only checks the form.
alter table accounts
    add column brand_color text
        constraint accounts_brand_color_check check (brand_color ~ '^#[0-9a-f]{6}$');
