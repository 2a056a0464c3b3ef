using System.Text.Json;
using CreditKaizhou.Api.Infrastructure.Localization;
using CreditKaizhou.Api.Infrastructure.Privacy;
using CreditKaizhou.Api.Infrastructure.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CreditKaizhou.Api.Infrastructure.Problems;

/// <summary>
/// Turns what the framework rejects while reading a request — malformed JSON, a body of the wrong
/// media type, a body over the size cap, a parameter that does not parse — into precise problem
/// details instead of an empty 400.
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || http.ResponseStarted())
        {
            return false;
        }

        var problem = Describe(bad);
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Describe(BadHttpRequestException bad)
    {
        var json = FindJsonException(bad);
        if (json is not null)
        {
            var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            var line = (json.LineNumber ?? 0) + 1;
            var column = (json.BytePositionInLine ?? 0) + 1;
            var message = Text.T(
                $"请求体不是有效的 JSON，或与字段类型不符：第 {line} 行第 {column} 个字节附近，位置 {path}。",
                $"The request body is not valid JSON or does not match the expected types: near line {line}, byte {column}, at {path}.");
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [path] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Type = ProblemTypes.MalformedJson,
                Detail = message,
            };
        }

        if (bad is Csv.CsvEncodingException)
        {
            return new ProblemDetails { Status = StatusCodes.Status400BadRequest, Detail = bad.Message };
        }

        if (bad.StatusCode is StatusCodes.Status415UnsupportedMediaType or StatusCodes.Status413PayloadTooLarge)
        {
            return new ProblemDetails { Status = bad.StatusCode }; // the detail is filled in per status
        }

        if (bad.Message.Contains("no body was provided", StringComparison.Ordinal)
            || (bad.Message.StartsWith("Required parameter", StringComparison.Ordinal) && bad.Message.Contains("from body", StringComparison.Ordinal)))
        {
            return new ProblemDetails { Status = 400, Detail = Text.T("缺少请求体。", "The request body is missing.") };
        }

        if (BindFailure().Match(bad.Message) is { Success: true } bind)
        {
            var name = JsonPath.FromPropertyPath(bind.Groups["name"].Value, isBody: false);
            var message = Text.T($"值 '{bind.Groups["value"].Value}' 不是有效的 {TypeName(bind.Groups["type"].Value)}。",
                $"The value '{bind.Groups["value"].Value}' is not a valid {TypeName(bind.Groups["type"].Value)}.");
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [name] = [message] }) { Status = 400 };
        }

        return new ProblemDetails { Status = bad.StatusCode, Detail = Text.T("请求参数格式无效。", "A request parameter is not in a valid format.") };
    }

    private static string TypeName(string clrType) => clrType.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "long" or "Int32" or "Int64" => Text.T("整数", "integer"),
        "bool" or "Boolean" => Text.T("布尔值（true/false）", "boolean (true/false)"),
        "Guid" => Text.T("编号（GUID）", "identifier (GUID)"),
        "DateOnly" => Text.T("日期（YYYY-MM-DD）", "date (YYYY-MM-DD)"),
        "DateTimeOffset" or "DateTime" => Text.T("时间（ISO 8601）", "instant (ISO 8601)"),
        "decimal" or "double" => Text.T("数值", "number"),
        var other => other,
    };

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?<type>.+) (?<name>[^ ]+)\" from \"(?<value>.*)\"\\.?$")]
    private static partial System.Text.RegularExpressions.Regex BindFailure();

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}

/// <summary>Anything else is unexpected: log it whole, answer 500 with the trace id and nothing internal.</summary>
internal sealed class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away; there is nobody to answer
        }

        logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, IdNumberText.Mask(http.Request.Path.ToString()));
        if (http.ResponseStarted())
        {
            return false;
        }

        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var problem = new ProblemDetails
        {
            Status = 500,
            Detail = Text.T("处理请求时发生了意外错误。请将 traceId 提供给区信用办以便排查。",
                "An unexpected error occurred while handling the request. Quote the traceId to the credit office."),
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
