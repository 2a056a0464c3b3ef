namespace CreditKaizhou.Bench.Generator;

/// <summary>
/// xorshift64* (Vigna 2016): a fixed-seed generator that gives the same sequence on every platform and .NET
/// version, unlike <see cref="System.Random"/>, whose algorithm is not part of its contract.
/// </summary>
public sealed class XorShift64Star(ulong seed)
{
    private ulong _state = seed == 0 ? 0x9E37_79B9_7F4A_7C15UL : seed;

    public ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545_F491_4F6C_DD1DUL;
    }

    /// <summary>A uniform integer in [0, bound), by rejection so there is no modulo bias.</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var b = (ulong)bound;
        var limit = ulong.MaxValue - ulong.MaxValue % b;
        ulong value;
        do
        {
            value = Next();
        }
        while (value >= limit);

        return (int)(value % b);
    }

    /// <summary>A uniform integer in [min, max].</summary>
    public int Between(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[NextInt(items.Count)];

    /// <summary>A uniform day in [first, last].</summary>
    public DateOnly Day(DateOnly first, DateOnly last) =>
        last <= first ? first : first.AddDays(NextInt(last.DayNumber - first.DayNumber + 1));
}
