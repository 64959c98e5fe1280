using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Dashboard.App.Operations;

/// <summary>
/// What every response carries and whom the app believes about the client: security headers (a Content-Security-
/// Policy Blazor Server and MudBlazor work under, without inline scripts or eval), and forwarded headers honoured
/// only from the proxies the operator lists in <c>Dashboard:KnownProxies</c>.
/// </summary>
internal static class WebHardening
{
    public const string KnownProxiesKey = "Dashboard:KnownProxies";

    /// <summary>The policy: scripts only from this origin; styles may be inline (MudBlazor sets them per element).</summary>
    public static HeaderPolicyCollection Headers() => new HeaderPolicyCollection()
        .AddDefaultSecurityHeaders()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicySameOrigin()
        .AddFrameOptionsDeny()
        .AddCrossOriginOpenerPolicy(p => p.SameOrigin())
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self().UnsafeInline();
            // The two-factor QR code is a data: image.
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self().Data();
            // The circuit's WebSocket and the activity hub: same origin only.
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        })
        .AddPermissionsPolicy(permissions =>
        {
            permissions.AddCamera().None();
            permissions.AddMicrophone().None();
            permissions.AddGeolocation().None();
            permissions.AddPayment().None();
            permissions.AddUsb().None();
            permissions.AddFullscreen().Self();
        })
        // On https only (the library skips it on http): browsers then refuse plain http for a year.
        .AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 365 * 24 * 60 * 60)
        .RemoveServerHeader();

    /// <summary>
    /// X-Forwarded-For and X-Forwarded-Proto count only from the listed proxies (addresses or CIDR networks); with
    /// none listed they are ignored, so a client cannot pose as another address to dodge the sign-in limits.
    /// </summary>
    public static void UseKnownProxies(this WebApplication app)
    {
        var listed = app.Configuration.GetSection(KnownProxiesKey).Get<string[]>()
                     ?? app.Configuration[KnownProxiesKey]?.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries)
                     ?? [];
        if (listed.Length == 0) return;
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // One proxy in front: the last address it appends is the client.
            ForwardLimit = 1,
        };
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var entry in listed)
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network)) options.KnownIPNetworks.Add(network);
            else if (IPAddress.TryParse(entry, out var address)) options.KnownProxies.Add(address);
            else throw new InvalidOperationException($"{KnownProxiesKey}: \"{entry}\" is neither an IP address nor a network such as 10.0.0.0/8.");
        }
        app.UseForwardedHeaders(options);
    }
}
