namespace Exotel.VSip;

/// <summary>
/// Where a v2 DELETE puts the id of a destination URI, phone mapping or whitelisted IP. Exotel documents the query
/// form (<c>…/phone-numbers?id=41512</c>); some older scripts used a path segment. Trunks are always deleted with
/// <c>?trunk_sid=</c>, and credentials with <c>?id=</c> (Exotel reserves their path form for updates).
/// </summary>
public enum DeleteIdStyle
{
    /// <summary><c>DELETE …/resource?id={id}</c>, as Exotel documents (the default).</summary>
    Query = 0,

    /// <summary><c>DELETE …/resource/{id}</c>, the undocumented form some scripts used.</summary>
    Path = 1,
}
