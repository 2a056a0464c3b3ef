using CreditKaizhou.Domain.Access;
using CreditKaizhou.Domain.Catalogue;

namespace CreditKaizhou.Tests.Domain.Access;

/// <summary>The disclosure policy as a table: who sees which record, which subject, and whose reads are logged.</summary>
public sealed class DisclosurePolicyTests
{
    private static readonly Viewer Clerk = new(ViewerKind.Government, null);
    private static readonly Viewer Scjgj = new(ViewerKind.Government, "SCJGJ");
    private static readonly Viewer Admin = new(ViewerKind.Admin, null);

    public static IEnumerable<TestCaseData> Records()
    {
        // viewer, disclosure, provider, public today, revoked → sees
        yield return Case("public", Viewer.Public, Disclosure.Public, true, false, true);
        yield return Case("public, window over", Viewer.Public, Disclosure.Public, false, false, false);
        yield return Case("public, revoked", Viewer.Public, Disclosure.Public, true, true, false);
        yield return Case("public, shared", Viewer.Public, Disclosure.Shared, true, false, false);
        yield return Case("public, authorised", Viewer.Public, Disclosure.Authorised, true, false, false);
        yield return Case("public asking with an authorisation", Viewer.Public.ForReport(true), Disclosure.Authorised, true, false, false);
        yield return Case("clerk, shared past its window", Clerk, Disclosure.Shared, false, false, true);
        yield return Case("clerk, revoked", Clerk, Disclosure.Public, true, true, true);
        yield return Case("clerk, authorised", Clerk, Disclosure.Authorised, true, false, false);
        yield return Case("clerk's report with the subject's authorisation", Clerk.ForReport(true), Disclosure.Authorised, true, false, true);
        yield return Case("clerk's report without it", Clerk.ForReport(false), Disclosure.Authorised, true, false, false);
        yield return Case("the providing department, authorised", Scjgj, Disclosure.Authorised, true, false, true);
        yield return Case("another department's authorised record", new Viewer(ViewerKind.Government, "SWJ"), Disclosure.Authorised, true, false, false);
        yield return Case("credit office, authorised", Admin, Disclosure.Authorised, false, true, true);
    }

    [TestCaseSource(nameof(Records))]
    public void CanSee_Record_FollowsTheLevels(Viewer viewer, Disclosure disclosure, bool publicToday, bool revoked, bool expected) =>
        Assert.That(DisclosurePolicy.CanSee(viewer, disclosure, "SCJGJ", publicToday, revoked), Is.EqualTo(expected));

    [TestCase(false, 0, true, TestName = "CanSeeSubject_OrganisationWithoutPublicRecords_IsSeenByThePublic")]
    [TestCase(true, 0, false, TestName = "CanSeeSubject_PersonWithoutPublicRecords_IsHiddenFromThePublic")]
    [TestCase(true, 1, true, TestName = "CanSeeSubject_PersonWithAPublicRecord_IsSeenByThePublic")]
    public void CanSeeSubject_ForThePublic(bool isPerson, int visibleRecords, bool expected) =>
        Assert.That(DisclosurePolicy.CanSeeSubject(Viewer.Public, isPerson, visibleRecords), Is.EqualTo(expected));

    [Test]
    public void CanSeeSubject_ForGovernment_IsAlways() =>
        Assert.That(DisclosurePolicy.CanSeeSubject(Clerk, isPerson: true, visibleRecords: 0), Is.True);

    [Test]
    public void FindsPersonsByNameAndIsAudited_AreForEveryoneButThePublic() => Assert.Multiple(() =>
    {
        Assert.That(DisclosurePolicy.FindsPersonsByName(Viewer.Public), Is.False);
        Assert.That(DisclosurePolicy.IsAudited(Viewer.Public), Is.False);
        foreach (var viewer in new[] { Clerk, Scjgj, Admin })
        {
            Assert.That(DisclosurePolicy.FindsPersonsByName(viewer), Is.True, viewer.ToString());
            Assert.That(DisclosurePolicy.IsAudited(viewer), Is.True, viewer.ToString());
        }
    });

    private static TestCaseData Case(string name, Viewer viewer, Disclosure disclosure, bool publicToday, bool revoked, bool expected) =>
        new TestCaseData(viewer, disclosure, publicToday, revoked, expected).SetArgDisplayNames(name);
}
