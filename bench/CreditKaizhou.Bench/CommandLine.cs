using System.Globalization;

namespace CreditKaizhou.Bench;

/// <summary>The <c>--name value</c> options of a command.</summary>
internal sealed class CommandLine(IReadOnlyList<string> args)
{
    public string? Option(string name)
    {
        var i = args.ToList().IndexOf(name);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    public int Int(string name, int fallback) =>
        Option(name) is { } text ? int.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture) : fallback;
}
