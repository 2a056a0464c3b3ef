using CreditKaizhou.Api.Features.Subjects;

namespace CreditKaizhou.Tests.Api;

/// <summary>How a fragment becomes grams and a LIKE pattern; the databases count characters as code points.</summary>
public sealed class SubjectSearchTextTests
{
    [TestCase("开州", new[] { "开州" })]
    [TestCase("重庆开州", new[] { "重庆", "庆开", "开州" })]
    [TestCase("开州开州", new[] { "开州", "州开" })]
    [TestCase("𠀀开州", new[] { "𠀀开", "开州" })]
    public void Grams_AreTheDistinctPairsOfAdjacentCodePoints(string fragment, string[] expected) =>
        Assert.That(SubjectSearch.Grams(fragment), Is.EqualTo(expected));

    [TestCase("开州", "开州")]
    [TestCase("100%_[a]\\", "100\\%\\_\\[a]\\\\")]
    public void EscapeLike_EscapesEveryWildcard(string text, string expected) =>
        Assert.That(SubjectSearch.EscapeLike(text), Is.EqualTo(expected));

    [TestCase("91500154MA5UGH9W6J", true)]
    [TestCase("500234198503162132", true)]
    [TestCase("50023419850316213x", true)]
    [TestCase("91500154MA5UGH9W6", false)]
    [TestCase("重庆市开州区鑫垣建设工程有限公司股份", false)]
    public void IsCode_IsEighteenAsciiLettersOrDigits(string text, bool expected) =>
        Assert.That(SubjectCodes.IsCode(text), Is.EqualTo(expected));
}
