namespace CreditKaizhou.Domain.Lists;

/// <summary>A red or black list kept by the platform (table <c>list_types</c>).</summary>
/// <param name="Code">Pinyin initials of the name, e.g. SXBZXR for 失信被执行人.</param>
/// <param name="Name">The Chinese name reported in verdict reasons.</param>
/// <param name="SortOrder">The order lists are shown and reasons are listed in, smallest first.</param>
/// <param name="LegalBasis">The law or rule the list itself rests on (a measure cites its own basis).</param>
public sealed record ListType(string Code, string Name, ListColour Colour, int SortOrder, string LegalBasis);
