using System.Globalization;
using System.Text;

namespace CreditKaizhou.Domain.Catalogue;

/// <summary>Text helpers shared by the catalogue and record rules.</summary>
internal static class CatalogueText
{
    /// <summary>The length a user sees: Unicode scalar values, so that 𠀀 (outside the BMP) counts once.</summary>
    public static int Length(string text) => text.EnumerateRunes().Count();

    /// <summary>
    /// A value for a message: at most <paramref name="maxLength"/> characters (then …), control characters shown as
    /// U+XXXX so that a stray line break or tab can be seen.
    /// </summary>
    public static string Excerpt(string text, int maxLength = 64)
    {
        var builder = new StringBuilder();
        var count = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (count++ == maxLength)
            {
                return builder.Append('…').ToString();
            }

            if (Rune.IsControl(rune))
            {
                builder.Append(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>Lists values the way each language does: 警告、罚款 or warning, fine.</summary>
    public static string List(IEnumerable<string> values, bool english) => string.Join(english ? ", " : "、", values);
}
