using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Domain.Access;

/// <summary>Who is looking: the public, a government user (clerk, department, bidding system) or the credit office.</summary>
public sealed record Viewer(ViewerKind Kind, string? DepartmentCode)
{
    public static readonly Viewer Public = new(ViewerKind.Public, null);
}

public enum ViewerKind
{
    Public,
    Government,
    Admin,
}

/// <summary>
/// The one place that decides what a caller may see of a record (个人信息保护法, 国办发〔2025〕22号):
/// the public sees 社会公开 records inside their publicity window and not revoked; government users
/// also see 政务共享 records and records past their window; 授权查询 records are seen only by the credit
/// office and the department that provided them (and in a report the subject authorised).
/// </summary>
public static class DisclosurePolicy
{
    public static bool CanSee(Viewer viewer, Disclosure disclosure, string providingDepartment, bool publicToday, bool revoked) =>
        viewer.Kind switch
        {
            ViewerKind.Admin => true,
            _ when viewer.DepartmentCode == providingDepartment => true,
            ViewerKind.Government => disclosure != Disclosure.Authorised,
            _ => disclosure == Disclosure.Public && publicToday && !revoked,
        };

    /// <summary>Whether the viewer may see earlier revisions and events (the history of corrections), not only what stands now.</summary>
    public static bool SeesHistory(Viewer viewer) => viewer.Kind != ViewerKind.Public;
}
