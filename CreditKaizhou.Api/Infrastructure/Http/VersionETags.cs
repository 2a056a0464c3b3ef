namespace CreditKaizhou.Api.Infrastructure.Http;

/// <summary>
/// Versioned resources (catalogue entries, measures) carry their version number as a strong ETag, <c>"3"</c>;
/// a change names the version it was based on in <c>If-Match</c>.
/// </summary>
public static class VersionETags
{
    public static string Of(int version) => $"\"{version}\"";

    /// <summary>The version an If-Match header names, or null when it names none (a weak tag is read the same).</summary>
    public static int? Parse(string? header) =>
        header is not null && int.TryParse(header.Trim().Replace("W/", "", StringComparison.Ordinal).Trim('"'), out var version) && version > 0
            ? version
            : null;
}
