using System.Security.Cryptography;
using System.Text;

namespace Sky.Api.Access;

/// <summary>
/// Who may use the daemon's page and API. On loopback, anyone on the machine (as with the Docker socket's own
/// permissions, the machine is the boundary). Beyond loopback, whoever shows the data folder's token: as
/// <c>Authorization: Bearer TOKEN</c> (the CLI, scripts, Prometheus) or as the session cookie the page's login sets.
/// The cookie holds a value derived from the token, not the token itself, so a cookie that leaks is not the API token.
/// </summary>
public sealed class AccessPolicy
{
    public const string CookieName = "sky_session";

    private readonly byte[] token;
    private readonly byte[] session;

    public AccessPolicy(string token, bool requiresToken)
    {
        this.token = Encoding.UTF8.GetBytes(token);
        RequiresToken = requiresToken;
        session = Encoding.UTF8.GetBytes(Convert.ToHexString(HMACSHA256.HashData(this.token, "sky dashboard session"u8)).ToLowerInvariant());
    }

    /// <summary>True when the daemon listens beyond loopback.</summary>
    public bool RequiresToken { get; }

    /// <summary>What the session cookie carries once someone logged in with the token.</summary>
    public string SessionValue => Encoding.UTF8.GetString(session);

    public bool IsToken(string? candidate) => Matches(candidate, token);

    /// <summary>Whether the request carries the token (bearer) or a session cookie made from it.</summary>
    public bool Admits(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && IsToken(header["Bearer ".Length..].Trim()))
        {
            return true;
        }

        return Matches(request.Cookies[CookieName], session);
    }

    /// <summary>Compared in fixed time, so how long a refusal takes says nothing about how close a guess was.</summary>
    private static bool Matches(string? candidate, byte[] expected) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), expected);
}
