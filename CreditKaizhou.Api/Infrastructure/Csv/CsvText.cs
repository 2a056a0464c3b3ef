using System.Text;
using System.Text.Unicode;
using CreditKaizhou.Api.Infrastructure.Localization;
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
        var (encoding, skip, name) = Detect(body, charset);
        return (encoding.GetString(body[skip..]), name);
    }

    /// <summary>
    /// The encoding of these bytes, how many of them a byte-order mark takes, and the encoding's name: a BOM or bytes
    /// that are valid UTF-8 mean UTF-8 (the BOM is then a promise: bytes after it that are not UTF-8 are refused with
    /// <see cref="CsvEncodingException"/>); a charset of gb18030/gbk/gb2312 or bytes that are not UTF-8 mean GB18030.
    /// </summary>
    private static (Encoding Encoding, int Skip, string Name) Detect(ReadOnlySpan<byte> body, string? charset)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Utf8.IsValid(body[3..]) ? (StrictUtf8, 3, "utf-8-bom") : throw new CsvEncodingException(Text.T(
                "CSV 以 UTF-8 字节顺序标记开头，但其后的内容不是有效的 UTF-8。",
                "The CSV starts with a UTF-8 byte-order mark, but what follows is not valid UTF-8."));
        }

        if (charset is not null && charset.Trim('"').ToLowerInvariant() is "gb18030" or "gbk" or "gb2312" or "cp936")
        {
            return (Gb18030, 0, "gb18030");
        }

        return Utf8.IsValid(body) ? (StrictUtf8, 0, "utf-8") : (Gb18030, 0, "gb18030");
    }

    /// <summary>Whether the request says it carries CSV.</summary>
    public static bool IsCsv(HttpRequest request) =>
        request.ContentType is { } type && type.StartsWith(MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the whole body and decodes it with <see cref="Decode"/>.</summary>
    public static async Task<(string Text, string Encoding)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var body = await RequestBodyLimit.ReadAllAsync(request, ct);
        return Decode(body.Memory.Span, Charset(request));
    }

    /// <summary>
    /// Reads the whole body and opens it as text in the encoding <see cref="Decode"/> would choose, decoded block by block
    /// as it is read: a batch's megabytes never become one string (a large object, which only a full collection frees).
    /// </summary>
    public static async Task<CsvBody> OpenAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await RequestBodyLimit.ReadAllAsync(request, ct);
        try
        {
            var (encoding, skip, _) = Detect(body.Memory.Span, Charset(request));
            var bytes = body.Segment;
            var text = new StreamReader(new MemoryStream(bytes.Array!, bytes.Offset + skip, bytes.Count - skip, writable: false), encoding,
                detectEncodingFromByteOrderMarks: false, bufferSize: BlockBytes);
            return new CsvBody(body, text);
        }
        catch
        {
            body.Dispose();
            throw;
        }
    }

    /// <summary>Bytes decoded at a time: its block of text (two bytes a character) stays below the large-object size.</summary>
    private const int BlockBytes = 32 * 1024;

    private static string? Charset(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? type.Charset.Value : null;

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    }
}

/// <summary>A CSV body opened as text (<see cref="CsvText.OpenAsync"/>); disposing gives its bytes back to the pool.</summary>
public sealed class CsvBody(RequestBytes body, TextReader text) : IDisposable
{
    public TextReader Text => text;

    public void Dispose()
    {
        text.Dispose();
        body.Dispose();
    }
}

/// <summary>A CSV body whose bytes break the promise of its byte-order mark: a 400 problem with this message as its detail.</summary>
public sealed class CsvEncodingException(string message) : BadHttpRequestException(message, StatusCodes.Status400BadRequest);
