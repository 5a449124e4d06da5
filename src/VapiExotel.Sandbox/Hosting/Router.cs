namespace VapiExotel.Sandbox.Hosting;

/// <summary>Values taken from a path template's <c>{placeholders}</c>, unescaped.</summary>
internal sealed class RouteValues : Dictionary<string, string>
{
    public RouteValues()
        : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>
/// Matches a method and path to a handler. Literal segments match exactly (case matters, as the clients' paths do);
/// a <c>{name}</c> segment matches any one segment. Routes are tried in the order they were added.
/// </summary>
internal sealed class Router
{
    private readonly List<(string Method, string[] Segments, Func<SandboxHttpRequest, RouteValues, SandboxResponse> Handler)> _routes = [];

    public void Map(string method, string template, Func<SandboxHttpRequest, RouteValues, SandboxResponse> handler) =>
        _routes.Add((method, template.Trim('/').Split('/'), handler));

    /// <summary>The handler for a request, or null; <paramref name="pathExists"/> says whether another method would have matched.</summary>
    public Func<SandboxHttpRequest, RouteValues, SandboxResponse>? Match(string method, string path, out RouteValues values, out bool pathExists)
    {
        var segments = path.Trim('/').Split('/');
        values = [];
        pathExists = false;
        foreach (var (routeMethod, template, handler) in _routes)
        {
            var candidate = new RouteValues();
            if (!Matches(template, segments, candidate))
            {
                continue;
            }

            pathExists = true;
            if (string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase))
            {
                values = candidate;
                return handler;
            }
        }

        return null;
    }

    private static bool Matches(string[] template, string[] segments, RouteValues values)
    {
        if (template.Length != segments.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var part = template[i];
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                var value = Uri.UnescapeDataString(segments[i]);
                if (value.Length == 0)
                {
                    return false;
                }

                values[part[1..^1]] = value;
            }
            else if (!string.Equals(part, segments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
