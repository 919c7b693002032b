package org.veritally.server.auth;

import java.util.Map;
import java.util.Set;

/**
 * The role × action matrix (tested cell by cell in AuthorizationMatrixTest). Submitting as a source
 * other than the account's own is refused separately (TS-SOURCE), except for administrators.
 */
public final class Authorization {
    private static final Map<Role, Set<Action>> ALLOWED = Map.of(
            Role.ADMIN,
            Set.of(
                    Action.SUBMIT_SHEET,
                    Action.RECORD_ANNOUNCEMENT,
                    Action.REGISTER_KEY,
                    Action.FILE_EVIDENCE,
                    Action.TRANSCRIBE,
                    Action.MODERATE,
                    Action.DEFINE_AUDIT,
                    Action.RECORD_HAND_COUNT,
                    Action.REPORT_PHOTO,
                    Action.CONFIGURE_CAMPAIGN),
            Role.AUTHORITY,
            Set.of(Action.SUBMIT_SHEET, Action.RECORD_ANNOUNCEMENT, Action.FILE_EVIDENCE, Action.REPORT_PHOTO),
            Role.WITNESS,
            Set.of(Action.SUBMIT_SHEET, Action.FILE_EVIDENCE, Action.REPORT_PHOTO),
            Role.OBSERVER,
            Set.of(Action.SUBMIT_SHEET, Action.FILE_EVIDENCE, Action.REPORT_PHOTO),
            Role.TRANSCRIBER,
            Set.of(Action.TRANSCRIBE, Action.REPORT_PHOTO),
            Role.MODERATOR,
            Set.of(Action.TRANSCRIBE, Action.MODERATE, Action.REPORT_PHOTO),
            Role.AUDITOR,
            Set.of(Action.RECORD_HAND_COUNT, Action.REPORT_PHOTO));

    private Authorization() {}

    public static boolean allows(Role role, Action action) {
        return ALLOWED.get(role).contains(action);
    }

    /**
     * AUTH-KIND: whether an account of {@code role} may be bound to a source of {@code kind}: a witness
     * to a party's (witness) source, an observer to an observer source, an authority account to the
     * authority's source; an administrator is bound to none and may submit as any; a transcriber or a
     * moderator to none (created with no source).
     */
    public static boolean binds(Role role, org.veritally.core.model.SourceKind kind) {
        return switch (role) {
            case ADMIN -> true;
            case AUTHORITY -> kind == org.veritally.core.model.SourceKind.AUTHORITY;
            case WITNESS -> kind == org.veritally.core.model.SourceKind.WITNESS;
            case OBSERVER -> kind == org.veritally.core.model.SourceKind.OBSERVER;
            case TRANSCRIBER, MODERATOR -> false; // bound to no source: they write no source's sheets
            case AUDITOR -> false; // an audit board's account is bound to an audit, not to a source
        };
    }
}
