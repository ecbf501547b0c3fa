//! The TypeScript types of everything that crosses between the core and the web UI, generated from
//! the Rust types with `ts-rs` into `ui/src/bindings.ts` (committed). The test below fails when the
//! committed file is stale; `SANAD_UPDATE_BINDINGS=1 cargo test -p sanad-desk bindings` rewrites it.

#[cfg(test)]
mod tests {
    use sanad_core::model::{
        Action, ComplaintAction, ComplaintKind, ComplaintStatus, DispatchMode, OrgKind, Priority,
        Role, Status,
    };
    use sanad_core::register_template::RowRefusal;
    use sanad_service::{
        AccountPolicy, Applicant, AuditEntry, AuditQuery, AuditReport, ConnectionProfile, Document,
        HistoryEntry, Letter, NewDocument, NewOrganization, NewRequest, NewUser, Organization,
        Page, PageRequest, PostgresProfile, Queue, RequestSummary, RequestView, SearchQuery,
        StatusCount, TlsMode, User,
    };
    use sanad_service::{
        AgencyAccount, BulkItem, BulkOutcome, BulkResult, Delegation, NewAgencyUser, NewDelegation,
        RefusalKind,
    };
    use sanad_service::{
        ApiRateLimit, EcopyInfo, IssuedPortalToken, PortalToken, SigningKeyState, SigningKeyView,
    };
    use sanad_service::{
        Assignee, CalendarSettings, ComplaintQuery, ComplaintStep, ComplaintSummary, ComplaintView,
        DeliveryState, FilePurpose, Holiday, KeptFile, MailSettings, MailTls, NewComplaint,
        NewNotice, Notice, NoticeKind, Notification, OfficeHoursInput, TrackStatus, TrackedKind,
    };
    use sanad_service::{Cell, DeskSignal, ExportFormat, Report, ReportKind, ReportQuery};
    use sanad_service::{DocumentChange, ImportOutcome, ImportPlan};
    use ts_rs::{Config, TS};

    use sanad_app::files::FileWritten;
    use sanad_app::receipt::ReceiptPreview;
    use sanad_app::slip::{Printed, Printer, SlipIssued, SlipPreview};
    use sanad_app::Lang;
    use sanad_core::access::{Permissions, Screen, ScreenEntry};
    use sanad_core::workflow::AvailableAction;
    use sanad_service::{Choice, ComplaintDecision, Vocabulary};

    use crate::commands::connection::ConnectionSettings;
    use crate::commands::{AppStatus, Session};
    use crate::error::{CommandError, FieldError};
    use crate::state::StartStage;

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/bindings.ts");

    fn generate() -> String {
        // Counts and versions are far below 2^53: plain numbers in JavaScript.
        let cfg = Config::new().with_large_int("number");
        let decls = [
            Role::decl(&cfg),
            Status::decl(&cfg),
            Action::decl(&cfg),
            DispatchMode::decl(&cfg),
            Priority::decl(&cfg),
            OrgKind::decl(&cfg),
            User::decl(&cfg),
            NewUser::decl(&cfg),
            Organization::decl(&cfg),
            NewOrganization::decl(&cfg),
            Document::decl(&cfg),
            NewDocument::decl(&cfg),
            Applicant::decl(&cfg),
            Letter::decl(&cfg),
            NewRequest::decl(&cfg),
            HistoryEntry::decl(&cfg),
            RequestView::decl(&cfg),
            RequestSummary::decl(&cfg),
            Page::<RequestSummary>::decl(&cfg),
            StatusCount::decl(&cfg),
            Queue::decl(&cfg),
            SearchQuery::decl(&cfg),
            PageRequest::decl(&cfg),
            Session::decl(&cfg),
            AppStatus::decl(&cfg),
            FieldError::decl(&cfg),
            StartStage::decl(&cfg),
            CommandError::decl(&cfg),
            AccountPolicy::decl(&cfg),
            AuditQuery::decl(&cfg),
            AuditEntry::decl(&cfg),
            AuditReport::decl(&cfg),
            FileWritten::decl(&cfg),
            Printer::decl(&cfg),
            SlipPreview::decl(&cfg),
            Printed::decl(&cfg),
            SlipIssued::decl(&cfg),
            ReceiptPreview::decl(&cfg),
            TlsMode::decl(&cfg),
            PostgresProfile::decl(&cfg),
            ConnectionProfile::decl(&cfg),
            ConnectionSettings::decl(&cfg),
            ComplaintKind::decl(&cfg),
            ComplaintStatus::decl(&cfg),
            ComplaintAction::decl(&cfg),
            NewComplaint::decl(&cfg),
            ComplaintStep::decl(&cfg),
            ComplaintView::decl(&cfg),
            Assignee::decl(&cfg),
            ComplaintSummary::decl(&cfg),
            ComplaintQuery::decl(&cfg),
            TrackedKind::decl(&cfg),
            TrackStatus::decl(&cfg),
            NoticeKind::decl(&cfg),
            NewNotice::decl(&cfg),
            Notice::decl(&cfg),
            FilePurpose::decl(&cfg),
            KeptFile::decl(&cfg),
            RowRefusal::decl(&cfg),
            DocumentChange::decl(&cfg),
            ImportPlan::decl(&cfg),
            ImportOutcome::decl(&cfg),
            Holiday::decl(&cfg),
            CalendarSettings::decl(&cfg),
            OfficeHoursInput::decl(&cfg),
            MailTls::decl(&cfg),
            MailSettings::decl(&cfg),
            DeliveryState::decl(&cfg),
            Notification::decl(&cfg),
            ReportKind::decl(&cfg),
            Cell::decl(&cfg),
            Report::decl(&cfg),
            ReportQuery::decl(&cfg),
            ExportFormat::decl(&cfg),
            DeskSignal::decl(&cfg),
            Lang::decl(&cfg),
            Screen::decl(&cfg),
            ScreenEntry::decl(&cfg),
            Permissions::decl(&cfg),
            AvailableAction::decl(&cfg),
            Choice::decl(&cfg),
            Vocabulary::decl(&cfg),
            ComplaintDecision::decl(&cfg),
            NewDelegation::decl(&cfg),
            Delegation::decl(&cfg),
            BulkItem::decl(&cfg),
            RefusalKind::decl(&cfg),
            BulkOutcome::decl(&cfg),
            BulkResult::decl(&cfg),
            NewAgencyUser::decl(&cfg),
            AgencyAccount::decl(&cfg),
            PortalToken::decl(&cfg),
            IssuedPortalToken::decl(&cfg),
            ApiRateLimit::decl(&cfg),
            SigningKeyState::decl(&cfg),
            SigningKeyView::decl(&cfg),
            EcopyInfo::decl(&cfg),
        ];
        let mut out = String::from(
            "// Generated from the Rust types by src-tauri/src/bindings.rs (ts-rs). Do not edit:\n\
             // run `SANAD_UPDATE_BINDINGS=1 cargo test -p sanad-desk bindings` after changing them.\n\n",
        );
        for decl in decls {
            out.push_str("export ");
            out.push_str(decl.trim());
            out.push_str("\n\n");
        }
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    #[test]
    fn typescript_bindings_are_fresh() {
        let fresh = generate();
        if std::env::var("SANAD_UPDATE_BINDINGS").as_deref() == Ok("1") {
            std::fs::write(PATH, &fresh).expect("writes ui/src/bindings.ts");
            return;
        }
        let committed = std::fs::read_to_string(PATH).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/bindings.ts is stale: run `SANAD_UPDATE_BINDINGS=1 cargo test -p sanad-desk bindings`"
        );
    }
}
