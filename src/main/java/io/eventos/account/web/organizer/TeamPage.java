package io.eventos.account.web.organizer;

import io.eventos.account.service.TeamException;
import io.eventos.account.service.TeamMember;
import io.eventos.account.service.TeamService;
import io.eventos.platform.security.AccessDeniedException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code /app/team.xhtml}: members with their roles; owners and admins change roles and remove members. */
@Named
@ViewScoped
public class TeamPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TeamService team;

    private List<TeamMember> members = List.of();

    @PostConstruct
    void load() {
        members = team.members();
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

    public List<String> getRoles() {
        return Arrays.asList("owner", "admin", "manager", "member", "viewer");
    }
}
