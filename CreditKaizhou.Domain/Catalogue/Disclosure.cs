namespace CreditKaizhou.Domain.Catalogue;

/// <summary>Who may see the records of a catalogue entry (公开属性).</summary>
public enum Disclosure
{
    /// <summary><c>public</c> 社会公开: anyone, including anonymous callers.</summary>
    Public,
    /// <summary><c>shared</c> 政务共享: government bodies only.</summary>
    Shared,
    /// <summary><c>authorised</c> 授权查询: only with the subject's authorisation.</summary>
    Authorised,
}

/// <summary>Stored codes and Chinese names of <see cref="Disclosure"/>.</summary>
public static class DisclosureCodes
{
    private static readonly CodeTable<Disclosure> Table = new(
        (Disclosure.Public, "public", "社会公开"),
        (Disclosure.Shared, "shared", "政务共享"),
        (Disclosure.Authorised, "authorised", "授权查询"));

    /// <summary>The stored code, e.g. <c>public</c>.</summary>
    public static string Code(this Disclosure value) => Table.Code(value);

    /// <summary>The Chinese name, e.g. 社会公开.</summary>
    public static string ChineseName(this Disclosure value) => Table.ChineseName(value);

    /// <summary>From the code or the Chinese name.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static Disclosure Parse(string text) => Table.Parse(text);

    /// <summary>From the code or the Chinese name; false for anything else.</summary>
    public static bool TryParse(string? text, out Disclosure value) => Table.TryParse(text, out value);
}
