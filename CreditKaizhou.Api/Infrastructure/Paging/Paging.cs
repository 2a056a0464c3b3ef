using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Infrastructure.Paging;

/// <summary><c>?page=&amp;pageSize=</c>: page from 1, page size 20 by default and capped at 200.</summary>
public record PageRequest([FromQuery(Name = "page")] int? Page, [FromQuery(Name = "pageSize")] int? PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public int EffectivePage => Page ?? 1;

    public int EffectivePageSize => Math.Min(PageSize ?? DefaultPageSize, MaxPageSize);

    public int Skip => (EffectivePage - 1) * EffectivePageSize;

    public PagedResponse<T> Respond<T>(IReadOnlyList<T> items, int total) => new(items, EffectivePage, EffectivePageSize, total);
}

public sealed record PagedResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public sealed class PageRequestValidator : AbstractValidator<PageRequest>
{
    public PageRequestValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).LessThanOrEqualTo(1_000_000);
        RuleFor(x => x.PageSize).GreaterThanOrEqualTo(1);
    }
}
