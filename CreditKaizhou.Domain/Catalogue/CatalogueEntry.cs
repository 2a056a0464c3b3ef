namespace CreditKaizhou.Domain.Catalogue;

/// <summary>
/// One version of an item of the 公共信用信息目录. Entries are versioned: a change makes a new version, and a record
/// names the version it was validated against.
/// </summary>
/// <param name="Code">The entry's code, e.g. KZ-SCJGJ-XZCF; the same for all its versions.</param>
/// <param name="Version">1 for the first version, then 2, 3 …</param>
/// <param name="Name">The information item (信息项), e.g. 市场监管领域行政处罚信息.</param>
/// <param name="Category">One of <see cref="CatalogueCategories.All"/>.</param>
/// <param name="DepartmentCode">The providing department (提供单位).</param>
/// <param name="SubjectTypes">The kinds of subject a record may concern.</param>
/// <param name="ListCode">The red or black list the entry feeds, if any.</param>
/// <param name="UpdateFrequency">In words, e.g. 作出决定之日起7个工作日内.</param>
/// <param name="LegalBasis">The laws and policies the collection and publication rest on.</param>
/// <param name="Fields">The fields a record of this version carries.</param>
/// <param name="IsDemo">Part of the Development demo data, not of the district's real catalogue.</param>
public sealed record CatalogueEntry(
    string Code,
    int Version,
    string Name,
    string Category,
    string DepartmentCode,
    IReadOnlyList<SubjectType> SubjectTypes,
    Disclosure Disclosure,
    Polarity Polarity,
    string? ListCode,
    string UpdateFrequency,
    PublicityRule PublicityRule,
    string LegalBasis,
    FieldSchema Fields,
    bool IsDemo,
    DateTimeOffset CreatedAt)
{
    // Records compare lists by reference; two versions with the same subject types are equal.
    public bool Equals(CatalogueEntry? other) =>
        other is not null
        && Code == other.Code
        && Version == other.Version
        && Name == other.Name
        && Category == other.Category
        && DepartmentCode == other.DepartmentCode
        && SubjectTypes.SequenceEqual(other.SubjectTypes)
        && Disclosure == other.Disclosure
        && Polarity == other.Polarity
        && ListCode == other.ListCode
        && UpdateFrequency == other.UpdateFrequency
        && PublicityRule.Equals(other.PublicityRule)
        && LegalBasis == other.LegalBasis
        && Fields.Equals(other.Fields)
        && IsDemo == other.IsDemo
        && CreatedAt == other.CreatedAt;

    public override int GetHashCode() => HashCode.Combine(Code, Version, Name, Category, DepartmentCode, CreatedAt);
}
