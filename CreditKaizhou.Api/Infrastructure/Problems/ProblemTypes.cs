namespace CreditKaizhou.Api.Infrastructure.Problems;

/// <summary>
/// The <c>type</c> URIs of the problems this service reports. They are relative references
/// (RFC 9457 §3.1.1 allows them), stable, and documented in the README.
/// </summary>
public static class ProblemTypes
{
    public const string Validation = "/problems/validation";
    public const string MalformedJson = "/problems/malformed-json";
    public const string BadRequest = "/problems/bad-request";
    public const string UnsupportedMediaType = "/problems/unsupported-media-type";
    public const string BodyTooLarge = "/problems/body-too-large";
    public const string Unauthenticated = "/problems/unauthenticated";
    public const string Forbidden = "/problems/forbidden";
    public const string NotFound = "/problems/not-found";
    public const string MethodNotAllowed = "/problems/method-not-allowed";
    public const string Conflict = "/problems/conflict";
    public const string PreconditionFailed = "/problems/precondition-failed";
    public const string PreconditionRequired = "/problems/precondition-required";
    public const string Unexpected = "/problems/unexpected";
    public const string Unavailable = "/problems/unavailable";
}
