namespace Exotel.VSip;

/// <summary>
/// The Exotel cluster that holds the account. An account lives in one cluster; calling the other one fails as an
/// authentication error (401, code 1010), not as a region error. Use <see cref="ExotelClientOptions.BaseAddress"/>
/// for any other host.
/// </summary>
public enum ExotelRegion
{
    /// <summary>Mumbai, <c>https://api.in.exotel.com</c> (the default; vSIP trunks live here).</summary>
    Mumbai = 0,

    /// <summary>Singapore, <c>https://api.exotel.com</c>.</summary>
    Singapore = 1,
}
