using System.Diagnostics;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Privacy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Infrastructure.Problems;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error the service answers is RFC 9457 problem details: a localised title per status,
    /// a stable <c>type</c>, the request path as <c>instance</c> and a <c>traceId</c> to quote to
    /// the credit office.
    /// </summary>
    public static IServiceCollection AddApiProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = Customize);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<UnexpectedExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    public static IApplicationBuilder UseApiProblemDetails(this IApplicationBuilder app) =>
        app.UseExceptionHandler().UseStatusCodePages();

    private static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        var status = problem.Status ?? http.Response.StatusCode;
        if (problem is HttpValidationProblemDetails && problem.Type != ProblemTypes.MalformedJson)
        {
            problem.Type = ProblemTypes.Validation;
        }
        else if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
        {
            problem.Type = TypeFor(status);
        }

        // A path may carry a resident ID number (GET /subjects/{code}): echoed only masked.
        var path = IdNumberText.Mask(http.Request.Path.ToString());
        // Titles come from the type, in the caller's language; ASP.NET's English phrases never show.
        problem.Title = TitleFor(problem.Type) ?? problem.Title;
        problem.Detail ??= status switch
        {
            404 => Text.T($"找不到 {path}。", $"Nothing is found at {path}."),
            405 => Text.T($"{path} 不支持 {http.Request.Method} 方法。", $"{path} does not support {http.Request.Method}."),
            413 => RequestBodyLimit.TooLargeDetail(RequestBodyLimit.EffectiveLimit(http)),
            415 => Text.T("请求体必须是 JSON（Content-Type: application/json）。", "The request body must be JSON (Content-Type: application/json)."),
            _ => null,
        };
        problem.Instance ??= path;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
    }

    private static string TypeFor(int status) => status switch
    {
        400 => ProblemTypes.BadRequest,
        401 => ProblemTypes.Unauthenticated,
        403 => ProblemTypes.Forbidden,
        404 => ProblemTypes.NotFound,
        405 => ProblemTypes.MethodNotAllowed,
        409 => ProblemTypes.Conflict,
        412 => ProblemTypes.PreconditionFailed,
        428 => ProblemTypes.PreconditionRequired,
        413 => ProblemTypes.BodyTooLarge,
        415 => ProblemTypes.UnsupportedMediaType,
        500 => ProblemTypes.Unexpected,
        503 => ProblemTypes.Unavailable,
        _ => "about:blank",
    };

    private static string? TitleFor(string type) => type switch
    {
        ProblemTypes.Validation => Text.T("请求数据未通过校验", "The request data failed validation"),
        ProblemTypes.MalformedJson => Text.T("请求体不是有效的 JSON", "Malformed JSON"),
        ProblemTypes.BadRequest => Text.T("请求无效", "Bad request"),
        ProblemTypes.Unauthenticated => Text.T("未认证", "Unauthenticated"),
        ProblemTypes.Forbidden => Text.T("无权访问", "Forbidden"),
        ProblemTypes.NotFound => Text.T("资源不存在", "Not found"),
        ProblemTypes.MethodNotAllowed => Text.T("不允许的请求方法", "Method not allowed"),
        ProblemTypes.Conflict => Text.T("冲突", "Conflict"),
        ProblemTypes.PreconditionFailed => Text.T("前置条件不成立", "Precondition failed"),
        ProblemTypes.PreconditionRequired => Text.T("缺少前置条件", "Precondition required"),
        ProblemTypes.BodyTooLarge => Text.T("请求体过大", "Request body too large"),
        ProblemTypes.UnsupportedMediaType => Text.T("不支持的媒体类型", "Unsupported media type"),
        ProblemTypes.Unexpected => Text.T("服务器内部错误", "Internal server error"),
        ProblemTypes.Unavailable => Text.T("服务暂不可用", "Service unavailable"),
        _ => null,
    };

    /// <summary>Writes a problem response from middleware or an authentication handler.</summary>
    public static async Task WriteProblemAsync(this HttpContext http, int status, string? detail = null, string? type = null,
        IDictionary<string, object?>? extensions = null)
    {
        http.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail, Type = type };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[key] = value;
        }

        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>A typed problem result for endpoint handlers.</summary>
    public static ProblemHttpResult Problem(int status, string detail, string? type = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, type: type);

    internal static bool ResponseStarted(this HttpContext http) =>
        http.Features.Get<IHttpResponseFeature>()?.HasStarted == true;
}
