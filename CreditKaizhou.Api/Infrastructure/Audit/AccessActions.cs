namespace CreditKaizhou.Api.Infrastructure.Audit;

/// <summary>The actions an access-log entry names (<see cref="AccessEntry.Action"/>).</summary>
public static class AccessActions
{
    public const string SubjectProfile = "subject.profile";
    public const string SubjectRecords = "subject.records";
    public const string RecordRead = "record.read";
    public const string ListEntries = "list.entries";
    public const string ReportIssue = "report.issue";
    public const string ReportRead = "report.read";
    public const string Check = "check";

    public static IReadOnlyList<string> All { get; } = [SubjectProfile, SubjectRecords, RecordRead, ListEntries, ReportIssue, ReportRead, Check];
}
