using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CreditKaizhou.Domain.Records;

/// <summary>
/// One JSON text per set of field values, so that a payload's hash identifies its content: a retried submission
/// hashes the same whatever key order, number format or date form it was sent in.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Chinese stays readable and short; only quotes, backslashes, control characters and characters outside
        // the BMP are escaped, always the same way.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>
    /// An object with the keys in ordinal order and no whitespace. Values may be null, <see cref="string"/>,
    /// <see cref="bool"/>, <see cref="int"/>, <see cref="long"/>, <see cref="decimal"/> (written without trailing
    /// zeros: 12.50 → 12.5, 0.0 → 0) or <see cref="DateOnly"/> (YYYY-MM-DD).
    /// </summary>
    /// <exception cref="ArgumentException">A value of another type.</exception>
    public static string Serialize(IReadOnlyDictionary<string, object?> values) => Encoding.UTF8.GetString(Write(values));

    /// <summary>The UTF-8 bytes of <see cref="Serialize"/>: what to hash.</summary>
    /// <exception cref="ArgumentException">A value of another type.</exception>
    public static byte[] SerializeToUtf8Bytes(IReadOnlyDictionary<string, object?> values) => Write(values).ToArray();

    /// <summary>One writer and buffer per thread, reused: a batch of records serialises without growing a buffer per record.</summary>
    [ThreadStatic]
    private static (ArrayBufferWriter<byte> Buffer, Utf8JsonWriter Writer)? t_writer;

    /// <summary>The canonical bytes in this thread's buffer, valid until the thread's next call.</summary>
    private static ReadOnlySpan<byte> Write(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var (buffer, writer) = t_writer ??= NewWriter();
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            writer.WriteStartObject();
            // Sorted in a rented array: per record, the sorting of the query operators allocated five objects.
            var keys = ArrayPool<string>.Shared.Rent(values.Count);
            var count = 0;
            foreach (var key in values.Keys)
            {
                keys[count++] = key;
            }

            keys.AsSpan(0, count).Sort(string.CompareOrdinal);
            foreach (var key in keys.AsSpan(0, count))
            {
                writer.WritePropertyName(key);
                WriteValue(writer, key, values[key]);
            }

            ArrayPool<string>.Shared.Return(keys, clearArray: true);

            writer.WriteEndObject();
            writer.Flush();
        }
        catch
        {
            t_writer = null; // a writer left mid-object is not reused
            throw;
        }

        return buffer.WrittenSpan;
    }

    private static (ArrayBufferWriter<byte>, Utf8JsonWriter) NewWriter()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        return (buffer, new Utf8JsonWriter(buffer, Options));
    }

    /// <summary>A decimal's shortest invariant form: no trailing zeros, no exponent, no negative zero.</summary>
    public static string FormatDecimal(decimal value)
    {
        if (value == 0m)
        {
            return "0";
        }

        var text = value.ToString(CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteRawValue(FormatDecimal(number), skipInputValidation: true);
                break;
            case DateOnly date:
                // "O" is YYYY-MM-DD for a date, and formats without reading a pattern.
                Span<byte> day = stackalloc byte[10];
                date.TryFormat(day, out var written, "O", CultureInfo.InvariantCulture);
                writer.WriteStringValue(day[..written]);
                break;
            default:
                throw new ArgumentException(
                    $"Field {key} holds a {value.GetType().Name}; canonical JSON takes string, bool, int, long, decimal, DateOnly or null.",
                    nameof(value));
        }
    }
}
