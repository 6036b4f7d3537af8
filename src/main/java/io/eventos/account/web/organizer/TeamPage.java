package io.eventos.account.web.organizer;

import io.eventos.account.service.InvitationException;
import io.eventos.account.service.InvitationService;
import io.eventos.account.service.PendingInvitation;
import io.eventos.account.service.TeamException;
import io.eventos.account.service.TeamMember;
import io.eventos.account.service.TeamService;
import io.eventos.account.service.TeamEvents;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.FieldMessages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /app/team.xhtml}: members with their roles; owners and admins change roles and remove members, invite people
 * by email (with a role, optionally limited to some events) and send again or revoke open invitations.
 */
@Named
@ViewScoped
public class TeamPage implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String INVITE_FORM = "invite-form";

    @Inject
    transient TeamService team;
    @Inject
    transient InvitationService invitations;
    @Inject
    transient TeamEvents events;
    @Inject
    OrganizerSession organizer;

    private List<TeamMember> members = List.of();
    private boolean canInvite;
    private List<PendingInvitation> pending = List.of();
    private List<TeamEvents.TeamEvent> eventChoices = List.of();
    private List<String> inviteRoles = List.of();
    private String inviteEmail;
    private String inviteRole = "member";
    private List<String> inviteEvents = new ArrayList<>();

    @PostConstruct
    void load() {
        members = team.members();
        canInvite = organizer.can("TEAM_MANAGE");
        if (canInvite) {
            boolean owner = organizer.getCurrent() != null && "owner".equals(organizer.getCurrent().role());
            inviteRoles = owner ? getRoles() : List.of("admin", "manager", "member", "viewer");
            try {
                eventChoices = events.choices();
            } catch (AccessDeniedException limitedToEvents) {
                canInvite = false; // a member limited to some events manages no team, whatever the role
            }
        }
        loadInvitations();
    }

    private void loadInvitations() {
        if (!canInvite) {
            return;
        }
        try {
            pending = invitations.pending();
        } catch (AccessDeniedException refused) {
            canInvite = false;
            pending = List.of();
        }
    }

    /** Ajax from the invite form: sends the invitation, or says next to the field what to change. */
    public void invite() {
        Set<UUID> eventIds = new LinkedHashSet<>();
        try {
            for (String id : inviteEvents == null ? List.<String>of() : inviteEvents) {
                eventIds.add(UUID.fromString(id));
            }
        } catch (IllegalArgumentException forged) {
            refuse(new InvitationException(InvitationException.Field.EVENTS, InvitationService.UNKNOWN_EVENT));
            return;
        }
        try {
            InvitationService.Sent sent = invitations.invite(inviteEmail, inviteRole, eventIds,
                    BaseUrl.of(Faces.getRequest()));
            Messages.addGlobalInfo(sent.replacedEarlier()
                    ? "We sent a new invitation to " + sent.email() + "; the earlier link no longer works."
                    : "Invitation sent to " + sent.email() + ". The link works for 7 days.");
            inviteEmail = null;
            inviteEvents = new ArrayList<>();
            loadInvitations();
        } catch (InvitationException refused) {
            refuse(refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    private void refuse(InvitationException refused) {
        FieldMessages.show(INVITE_FORM, refused);
    }

    public void resend(PendingInvitation invitation) {
        try {
            String email = invitations.resend(invitation.id(), BaseUrl.of(Faces.getRequest()));
            Messages.addGlobalInfo("We sent the invitation to " + email
                    + " again; it works for 7 days and the earlier link no longer works.");
        } catch (InvitationException | AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        loadInvitations();
    }

    public void revoke(PendingInvitation invitation) {
        try {
            String email = invitations.revoke(invitation.id());
            Messages.addGlobalInfo("The invitation to " + email + " was revoked; its link no longer works.");
        } catch (InvitationException | AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        loadInvitations();
    }

    public void changeRole(TeamMember member, String role) {
        act(() -> team.changeRole(member.userId(), role),
                member.name() + " is now " + role.toLowerCase(Locale.ROOT) + ".");
    }

    public void remove(TeamMember member) {
        act(() -> team.remove(member.userId()), member.name() + " was removed from the account.");
    }

    public void transferOwnership(TeamMember member) {
        act(() -> team.transferOwnership(member.userId()), member.name() + " is now an owner; you are an admin.");
    }

    private void act(Runnable change, String done) {
        try {
            change.run();
            Messages.addGlobalInfo(done);
        } catch (TeamException | AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        load();
    }

    public List<TeamMember> getMembers() {
        return members;
    }

    public boolean isCanInvite() {
        return canInvite;
    }

    public List<PendingInvitation> getPending() {
        return pending;
    }

    public List<TeamEvents.TeamEvent> getEventChoices() {
        return eventChoices;
    }

    public List<String> getInviteRoles() {
        return inviteRoles;
    }

    public String getInviteEmail() {
        return inviteEmail;
    }

    public void setInviteEmail(String inviteEmail) {
        this.inviteEmail = inviteEmail;
    }

    public String getInviteRole() {
        return inviteRole;
    }

    public void setInviteRole(String inviteRole) {
        this.inviteRole = inviteRole;
    }

    public List<String> getInviteEvents() {
        return inviteEvents;
    }

    public void setInviteEvents(List<String> inviteEvents) {
        this.inviteEvents = inviteEvents;
    }

    public List<String> getRoles() {
        return Arrays.asList("owner", "admin", "manager", "member", "viewer");
    }
}
