package io.eventos.checkin.web.organizer;

import io.eventos.platform.web.Formats;
import io.eventos.platform.web.Ids;
import io.eventos.checkin.service.CheckInException;
import io.eventos.checkin.service.CheckInInputException;
import io.eventos.checkin.service.CheckInListForm;
import io.eventos.checkin.service.CheckInListService;
import io.eventos.checkin.service.CheckInListView;
import io.eventos.checkin.service.DeviceView;
import io.eventos.checkin.service.DoorCounts;
import io.eventos.checkin.service.ScanRecord;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.FieldMessages;
import io.eventos.ticketing.service.SalesEvent;
import io.eventos.ticketing.service.TicketTypeService;
import jakarta.faces.context.FacesContext;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /app/checkin.xhtml?event=…}: check-in for the organizer — live counts per list (updating by themselves),
 * the lists (what each admits, unpaid orders, entry/exit, a window), kiosk links for door devices (shown once,
 * revocable), and the history of every scan attempt, failures included, filterable.
 */
@Named
@ViewScoped
public class CheckInPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SCAN_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH);

    @Inject
    transient CheckInListService checkIn;
    @Inject
    transient TicketTypeService tickets;

    private UUID event;
    private SalesEvent sales;
    private List<CheckInListView> lists = List.of();
    private Map<UUID, DoorCounts> counts = new LinkedHashMap<>();
    private Map<UUID, String> ticketTypes = new LinkedHashMap<>();
    private List<DeviceView> devices = List.of();
    private List<ScanRecord> history = List.of();
    private List<ScanRecord> conflicts = List.of();

    // the list form
    private UUID editing;
    private String name;
    private List<String> ticketIds = new ArrayList<>();
    private boolean admitPending;
    private String mode = "ONCE";
    private LocalDateTime activeFrom;
    private LocalDateTime activeUntil;

    // the kiosk link form
    private String deviceName;
    private String deviceList;
    private int deviceHours = 24;
    private String newLink;

    // the history's filters
    private String historyResult;
    private String historyText;

    /** f:viewAction: loads the event or answers 404. */
    public void load() throws IOException {
        UUID id = event;
        if (id == null) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            sales = tickets.event(id);
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        reloadData();
        deviceList = lists.isEmpty() ? null : lists.get(0).id().toString();
    }

    private void reloadData() {
        lists = checkIn.lists(sales.id());
        ticketTypes = checkIn.ticketTypes(sales.id());
        refreshCounts();
        devices = checkIn.devices(sales.id());
        conflicts = checkIn.history(sales.id(), "conflict", null, 200);
        filterHistory();
    }

    /** p:poll: the counts as they are now. */
    public void refreshCounts() {
        Map<UUID, DoorCounts> fresh = new LinkedHashMap<>();
        for (CheckInListView list : lists) {
            fresh.put(list.id(), checkIn.counts(sales.id(), list.id()));
        }
        counts = fresh;
    }

    public void filterHistory() {
        history = checkIn.history(sales.id(), historyResult, historyText, 100);
    }

    public void edit(CheckInListView list) {
        editing = list.id();
        name = list.name();
        ticketIds = new ArrayList<>(list.ticketIds().stream().map(UUID::toString).toList());
        admitPending = list.admitPending();
        mode = list.modeName();
        activeFrom = local(list.activeFrom());
        activeUntil = local(list.activeUntil());
    }

    public void saveList() throws IOException {
        CheckInListForm form = CheckInListForm.of(name, ticketIds.stream().map(Ids::parse).toList(),
                admitPending, mode, instant(activeFrom), instant(activeUntil));
        try {
            checkIn.saveList(sales.id(), editing, form);
            Messages.addFlashGlobalInfo("The list “" + name.strip() + "” was saved.");
            reload();
        } catch (CheckInInputException refused) {
            refused.problems().forEach(p -> Messages.addError("list-form:" + p.field(), p.message()));
            FacesContext.getCurrentInstance().validationFailed();
        } catch (CheckInException | AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void createDevice() {
        try {
            newLink = checkIn.createDevice(sales.id(), Ids.parse(deviceList), deviceName,
                    Duration.ofHours(deviceHours), BaseUrl.of(Faces.getRequest()));
            Messages.addGlobalInfo("Kiosk link for “" + deviceName.strip() + "” made. Open it on the device; it is "
                    + "shown only now.");
            deviceName = null;
            devices = checkIn.devices(sales.id());
        } catch (CheckInException refused) {
            FieldMessages.show("device-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void revoke(DeviceView device) {
        try {
            checkIn.revokeDevice(sales.id(), device.id());
            Messages.addGlobalInfo("The link of “" + device.name() + "” was revoked: that device stops at its next scan.");
        } catch (CheckInException | AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
        devices = checkIn.devices(sales.id());
    }

    /** After a change: a fresh GET of the page (PRG), with an empty form. */
    private void reload() throws IOException {
        Faces.redirect(Faces.getRequestContextPath() + "/app/checkin.xhtml?event=" + sales.id());
    }

    // ------------------------------------------------------------------------------------------- formatting

    public String when(Instant at) {
        return at == null ? "" : Formats.WHEN.format(at.atZone(sales.zone()));
    }

    public String scanTime(Instant at) {
        return at == null ? "" : SCAN_TIME.format(at.atZone(sales.zone()));
    }

    public String window(CheckInListView list) {
        if (list.activeFrom() == null && list.activeUntil() == null) {
            return "always";
        }
        return list.activeFrom() == null ? "until " + when(list.activeUntil())
                : list.activeUntil() == null ? "from " + when(list.activeFrom())
                : when(list.activeFrom()) + " – " + when(list.activeUntil());
    }

    public String state(DeviceView device) {
        return device.state(Instant.now());
    }

    public boolean active(DeviceView device) {
        return device.active(Instant.now());
    }

    public DoorCounts countsOf(CheckInListView list) {
        return counts.get(list.id());
    }

    public String outcome(ScanRecord scan) {
        return scan.outcome();
    }

    public List<CheckInListView.ModeOption> getModes() {
        return CheckInListView.modes();
    }

    private LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, sales.zone());
    }

    private Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(sales.zone()).toInstant();
    }


    // ------------------------------------------------------------------------------------------- properties

    public boolean isEditingExisting() {
        return editing != null;
    }

    public SalesEvent getSales() {
        return sales;
    }

    public List<CheckInListView> getLists() {
        return lists;
    }

    public Map<UUID, String> getTicketTypes() {
        return ticketTypes;
    }

    public List<Map.Entry<UUID, String>> getTicketTypeEntries() {
        return new ArrayList<>(ticketTypes.entrySet());
    }

    public List<DeviceView> getDevices() {
        return devices;
    }

    /** Scans made offline that the server refused on upload: the reconciliation report. */
    public List<ScanRecord> getConflicts() {
        return conflicts;
    }

    public List<ScanRecord> getHistory() {
        return history;
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getTicketIds() {
        return ticketIds;
    }

    public void setTicketIds(List<String> ticketIds) {
        this.ticketIds = ticketIds == null ? new ArrayList<>() : ticketIds;
    }

    public boolean isAdmitPending() {
        return admitPending;
    }

    public void setAdmitPending(boolean admitPending) {
        this.admitPending = admitPending;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode == null ? "ONCE" : mode;
    }

    public LocalDateTime getActiveFrom() {
        return activeFrom;
    }

    public void setActiveFrom(LocalDateTime activeFrom) {
        this.activeFrom = activeFrom;
    }

    public LocalDateTime getActiveUntil() {
        return activeUntil;
    }

    public void setActiveUntil(LocalDateTime activeUntil) {
        this.activeUntil = activeUntil;
    }

    public String getDeviceName() {
        return deviceName;
    }

    public void setDeviceName(String deviceName) {
        this.deviceName = deviceName;
    }

    public String getDeviceList() {
        return deviceList;
    }

    public void setDeviceList(String deviceList) {
        this.deviceList = deviceList;
    }

    public int getDeviceHours() {
        return deviceHours;
    }

    public void setDeviceHours(int deviceHours) {
        this.deviceHours = deviceHours;
    }

    public String getNewLink() {
        return newLink;
    }

    public String getHistoryResult() {
        return historyResult;
    }

    public void setHistoryResult(String historyResult) {
        this.historyResult = historyResult == null || historyResult.isBlank() ? null : historyResult;
    }

    public String getHistoryText() {
        return historyText;
    }

    public void setHistoryText(String historyText) {
        this.historyText = historyText;
    }
}
