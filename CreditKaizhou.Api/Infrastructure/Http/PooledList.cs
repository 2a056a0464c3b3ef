using System.Buffers;
using System.Runtime.CompilerServices;

namespace CreditKaizhou.Api.Infrastructure.Http;

/// <summary>
/// A request's working list, its array rented from a pool and given back (cleared) when disposed. A batch's list of
/// 10,000 rows is an array of hundreds of kilobytes: allocated per request it lands in the large-object heap, which only
/// a full collection frees. The pool is the list's own, not the shared one: the shared pool keeps an array per thread,
/// and a request that rents on one thread and gives back on another (as an async request does) mostly misses.
/// </summary>
public sealed class PooledList<T> : IDisposable
{
    /// <summary>Up to 1 Mi items, a few arrays per size: about what a handful of concurrent batches use.</summary>
    private static readonly ArrayPool<T> Pool = ArrayPool<T>.Create(maxArrayLength: 1024 * 1024, maxArraysPerBucket: 4);

    private T[] _items = [];

    public int Count { get; private set; }

    /// <summary>The items so far, valid until the next <see cref="Add"/> or <see cref="Dispose"/>.</summary>
    public ArraySegment<T> Items => new(_items, 0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            var larger = Pool.Rent(Math.Max(64, 2 * _items.Length));
            _items.AsSpan(0, Count).CopyTo(larger);
            Return(_items);
            _items = larger;
        }

        _items[Count++] = item;
    }

    public void Dispose()
    {
        Return(_items);
        _items = [];
        Count = 0;
    }

    /// <summary>Items holding references are cleared on the way back: the next renter must not keep a request's data alive.</summary>
    private static void Return(T[] items)
    {
        if (items.Length > 0)
        {
            Pool.Return(items, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        }
    }
}
