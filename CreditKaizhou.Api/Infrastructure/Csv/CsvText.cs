using System.Text;
using CreditKaizhou.Api.Infrastructure.Problems;

namespace CreditKaizhou.Api.Infrastructure.Csv;

/// <summary>
/// Turns an uploaded CSV body into text. Excel on Chinese Windows saves CSV as GB18030 (GBK) and
/// "CSV UTF-8" with a byte-order mark; other tools write UTF-8 without one. A BOM or bytes that
/// are valid UTF-8 mean UTF-8; a charset of gb18030/gbk/gb2312 or bytes that are not UTF-8 mean GB18030.
/// </summary>
public static class CsvText
{
    public const string MediaType = "text/csv";

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Gb18030 = CreateGb18030();

    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> body, string? charset)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (StrictUtf8.GetString(body[3..]), "utf-8-bom");
        }

        if (charset is not null && charset.Trim('"').ToLowerInvariant() is "gb18030" or "gbk" or "gb2312" or "cp936")
        {
            return (Gb18030.GetString(body), "gb18030");
        }

        try
        {
            return (StrictUtf8.GetString(body), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Gb18030.GetString(body), "gb18030");
        }
    }

    /// <summary>Whether the request says it carries CSV.</summary>
    public static bool IsCsv(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the whole body and decodes it with <see cref="Decode"/>.</summary>
    public static async Task<(string Text, string Encoding)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = await RequestBodyLimit.ReadAllAsync(request, ct);
        var charset = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.Charset.Value : null;
        return Decode(body.Memory.Span, charset);
    }

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }
}
