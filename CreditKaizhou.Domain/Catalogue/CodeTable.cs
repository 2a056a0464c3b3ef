namespace CreditKaizhou.Domain.Catalogue;

/// <summary>
/// The stored code and the Chinese name of every value of an enumeration, and parsing from either: the API and the
/// database use the codes, while departments' spreadsheets and the clerk page use the Chinese names.
/// </summary>
internal sealed class CodeTable<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, (string Code, string ChineseName)> byValue = [];
    private readonly Dictionary<string, T> byText = new(StringComparer.OrdinalIgnoreCase);

    public CodeTable(params (T Value, string Code, string ChineseName)[] entries)
    {
        foreach (var (value, code, chineseName) in entries)
        {
            byValue.Add(value, (code, chineseName));
            byText.Add(code, value);
            byText.Add(chineseName, value);
        }

        if (byValue.Count != Enum.GetValues<T>().Length)
        {
            throw new InvalidOperationException($"Every {typeof(T).Name} value needs a code and a Chinese name.");
        }
    }

    public string Code(T value) => Entry(value).Code;

    public string ChineseName(T value) => Entry(value).ChineseName;

    /// <summary>Accepts the code (ASCII case ignored) or the Chinese name, with surrounding whitespace.</summary>
    public bool TryParse(string? text, out T value)
    {
        value = default;
        return text is not null && byText.TryGetValue(text.Trim(), out value);
    }

    /// <exception cref="FormatException">Neither a code nor a Chinese name.</exception>
    public T Parse(string text) => TryParse(text, out var value)
        ? value
        : throw new FormatException(
            $"'{text}' is not a {typeof(T).Name}; expected one of {string.Join(", ", byValue.Values.Select(e => $"{e.Code} ({e.ChineseName})"))}.");

    private (string Code, string ChineseName) Entry(T value) => byValue.TryGetValue(value, out var entry)
        ? entry
        : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(T).Name}.");
}
