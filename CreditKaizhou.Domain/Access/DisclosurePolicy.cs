using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Domain.Access;

/// <summary>
/// Who is looking: the public, a government user (clerk, department, bidding system) or the credit office; and,
/// for a credit report, whether the request states the subject's authorisation (授权).
/// </summary>
/// <param name="DepartmentCode">A department user's own department: it sees everything it provided.</param>
/// <param name="SubjectAuthorised">A report issued with the subject's authorisation: 授权查询 data is included.</param>
public sealed record Viewer(ViewerKind Kind, string? DepartmentCode, bool SubjectAuthorised = false)
{
    public static readonly Viewer Public = new(ViewerKind.Public, null);

    /// <summary>The viewer a credit report is written for: its issuer, with the subject's authorisation when stated.</summary>
    public Viewer ForReport(bool authorised) => this with { SubjectAuthorised = authorised };
}

public enum ViewerKind
{
    Public,
    Government,
    Admin,
}

/// <summary>
/// The one place that decides what a caller may see of a subject and its records (个人信息保护法, 国办发〔2025〕22号).
/// Every endpoint and the credit report ask here; none decides on its own.
/// <list type="bullet">
/// <item>Records: the public sees 社会公开 records inside their publicity window and not revoked; government users
/// also see 政务共享 records and records past their window; 授权查询 records are seen only by the credit office,
/// the department that provided them, and in a report whose request states the subject's authorisation.</item>
/// <item>Persons: the public never finds a person by name, only by the exact ID number, and sees a person only
/// when at least one of the person's records is public; an ID number is only ever shown masked
/// (5002**********123X) — the clear number is not stored at all.</item>
/// <item>Organisations: their identity (统一社会信用代码, name, status) is public registration data.</item>
/// </list>
/// </summary>
public static class DisclosurePolicy
{
    public static bool CanSee(Viewer viewer, Disclosure disclosure, string providingDepartment, bool publicToday, bool revoked) =>
        viewer.Kind switch
        {
            ViewerKind.Admin => true,
            _ when viewer.DepartmentCode == providingDepartment => true,
            _ when viewer.SubjectAuthorised && viewer.Kind == ViewerKind.Government => true,
            ViewerKind.Government => disclosure != Disclosure.Authorised,
            _ => disclosure == Disclosure.Public && publicToday && !revoked,
        };

    /// <summary>Whether the viewer may see earlier revisions and events (the history of corrections), not only what stands now.</summary>
    public static bool SeesHistory(Viewer viewer) => viewer.Kind != ViewerKind.Public;

    /// <summary>Whether a name search by this viewer may return natural persons: only government users and the credit office.</summary>
    public static bool FindsPersonsByName(Viewer viewer) => viewer.Kind != ViewerKind.Public;

    /// <summary>
    /// Whether the viewer may see that a subject exists at all (its profile, its place in search results):
    /// organisations always; persons for government users, and for the public only with a record it may see.
    /// </summary>
    public static bool CanSeeSubject(Viewer viewer, bool isPerson, int visibleRecords) =>
        !isPerson || viewer.Kind != ViewerKind.Public || visibleRecords > 0;

    /// <summary>Whether a read by this viewer may include non-public data and so must leave an entry in the access log.</summary>
    public static bool IsAudited(Viewer viewer) => viewer.Kind != ViewerKind.Public;
}
