using System.Net;

namespace FormalExpressivity.Playground.Tests;

/// <summary>
/// A tiny static file server on 127.0.0.1 (any free port) for the published site, as a static host
/// would serve it: MIME types for .wasm/.js/.json/.dat, precompressed .br/.gz files when the browser
/// accepts them, index.html for the root. Counts the bytes sent so tests can report transfer sizes.
/// </summary>
public sealed class StaticSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly CancellationTokenSource _stop = new();
    private long _bytes;

    /// <summary>Starts serving <paramref name="root"/> under <paramref name="basePath"/> (e.g. "/" or "/fex/").</summary>
    public StaticSite(string root, string basePath = "/")
    {
        _root = Path.GetFullPath(root);
        BasePath = basePath;
        for (int attempt = 0; ; attempt++)
        {
            int port = Random.Shared.Next(20_000, 60_000);
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}{basePath}");
            try
            {
                _listener.Start();
                Url = $"http://127.0.0.1:{port}{basePath}";
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
            }
        }
        _ = Task.Run(Loop);
    }

    /// <summary>The site's URL (ends in the base path).</summary>
    public string Url { get; } = "";

    /// <summary>The base path the site is served under.</summary>
    public string BasePath { get; }

    /// <summary>Bytes of response bodies sent so far.</summary>
    public long BytesSent => Interlocked.Read(ref _bytes);

    /// <summary>Resets <see cref="BytesSent"/>.</summary>
    public void ResetCounter() => Interlocked.Exchange(ref _bytes, 0);

    private async Task Loop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => Serve(context));
        }
    }

    private async Task Serve(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            path = path.Length >= BasePath.Length ? path[BasePath.Length..] : "";
            if (path.Length == 0 || path.EndsWith('/')) path += "index.html";
            string file = Path.GetFullPath(Path.Combine(_root, path));
            if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
            {
                NUnit.Framework.TestContext.Progress.WriteLine("static site: 404 " + context.Request.Url);
                response.StatusCode = 404;
                response.Close();
                return;
            }
            response.ContentType = MimeType(file);
            string accept = context.Request.Headers["Accept-Encoding"] ?? "";
            string send = file;
            if (accept.Contains("br", StringComparison.Ordinal) && File.Exists(file + ".br"))
            {
                send = file + ".br";
                response.AddHeader("Content-Encoding", "br");
            }
            else if (accept.Contains("gzip", StringComparison.Ordinal) && File.Exists(file + ".gz"))
            {
                send = file + ".gz";
                response.AddHeader("Content-Encoding", "gzip");
            }
            var bytes = await File.ReadAllBytesAsync(send);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            Interlocked.Add(ref _bytes, bytes.Length);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // the browser went away
        }
    }

    private static string MimeType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" or ".mjs" => "text/javascript",
        ".css" => "text/css",
        ".wasm" => "application/wasm",
        ".json" => "application/json",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
