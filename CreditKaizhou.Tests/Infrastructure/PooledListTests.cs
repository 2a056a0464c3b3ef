using CreditKaizhou.Api.Infrastructure.Http;

namespace CreditKaizhou.Tests.Infrastructure;

public sealed class PooledListTests
{
    [Test]
    public void Add_PastSeveralArraySizes_KeepsEveryItemInOrder()
    {
        using var list = new PooledList<string>();
        var expected = Enumerable.Range(0, 10_000).Select(i => $"row {i}").ToList();

        expected.ForEach(list.Add);

        Assert.Multiple(() =>
        {
            Assert.That(list.Count, Is.EqualTo(10_000));
            Assert.That(list.Items, Is.EqualTo(expected));
            Assert.That(list.Items.Slice(9_000, 2), Is.EqualTo(new[] { "row 9000", "row 9001" }));
        });
    }

    [Test]
    public void Dispose_EmptiesTheList_AndTheArrayGoesBackCleared()
    {
        var list = new PooledList<string>();
        list.Add("personal data");
        var array = list.Items.Array!;

        list.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(list.Count, Is.Zero);
            Assert.That(list.Items, Is.Empty);
            Assert.That(array, Is.All.Null, "a returned array holds no reference to the request's data");
        });
    }
}
