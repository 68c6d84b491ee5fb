using System.Net;
using System.Net.Sockets;

namespace PolicyBot.Hosting;

/// <summary>
/// Before the host starts: is each address the bot will listen on free? Kestrel's own bind failure is logged by the
/// host as a "fail:" entry with a long stack trace before <c>Program.cs</c> could say anything friendly, so the
/// ports are tried first and a taken one gets one line naming it and a port that is actually free.
/// </summary>
public static class PortCheck
{
    /// <summary>The first of <paramref name="urls"/> whose port is taken, or null when all are free (or cannot be checked here).</summary>
    /// <param name="urls">Listen URLs separated by ';' (e.g. <c>http://localhost:3978</c>, <c>http://+:80</c>, <c>http://127.0.0.1:0</c>).</param>
    public static Uri? FindTaken(string? urls)
    {
        foreach (var text in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // "+" and "*" mean every address; Uri does not parse them as hosts.
            var parsable = text.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || uri.Port <= 0)
            {
                continue;   // port 0 (any free port), or a form Kestrel will judge itself
            }
            var address = uri.IsLoopback ? IPAddress.Loopback : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Any;
            if (IsTaken(address, uri.Port))
            {
                return new Uri(text.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
            }
        }
        return null;
    }

    /// <summary>A port near <paramref name="taken"/> (the next 50) that is free now on the loopback address, else one the system picks.</summary>
    /// <param name="taken">The port that is in use.</param>
    public static int FreePortNear(int taken)
    {
        for (var port = taken + 1; port <= Math.Min(taken + 50, IPEndPoint.MaxPort); port++)
        {
            if (!IsTaken(IPAddress.Loopback, port) && !IsTaken(IPAddress.Any, port))
            {
                return port;
            }
        }
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>The one line said when <paramref name="url"/> is taken, suggesting a free port.</summary>
    /// <param name="url">The listen URL whose port is in use.</param>
    public static string Message(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var free = new UriBuilder(url) { Port = FreePortNear(url.Port) }.Uri.GetLeftPart(UriPartial.Authority);
        return $"PolicyBot could not start: port {url.Port} ({url.GetLeftPart(UriPartial.Authority)}) is in use by another program. " +
               $"Stop that program, or start PolicyBot on a free port, e.g. dotnet run --project src/PolicyBot --urls {free}";
    }

    private static bool IsTaken(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(1);
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false;   // not allowed to bind here (a privileged port, an address not on this machine): Kestrel will say why
        }
    }
}
