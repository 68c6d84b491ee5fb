using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PolicyBot.Delivery;

/// <summary>
/// <see cref="IDownloadLinks"/> in SQLite (table <c>downloads</c> of <see cref="DeliveryDatabase"/>). A token is 32 bytes
/// from the system's cryptographic random generator, base64url-encoded (256 bits, URL-safe); only its SHA-256 is stored, so
/// the database file holds no usable link. Taking a payload is one atomic update (used now, content dropped), so two
/// concurrent requests cannot both get it. Expired rows are deleted by <see cref="SweepAsync"/>.
/// </summary>
public sealed class SqliteDownloadLinks(DeliveryDatabase database, DeliveryOptions options, TimeProvider time, ILogger<SqliteDownloadLinks> logger) : IDownloadLinks
{
    /// <summary>The route the links are served at (<see cref="DownloadEndpoint"/>).</summary>
    public const string PathPrefix = "/downloads/";

    private const int TokenBytes = 32;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">An empty content type or file name.</exception>
    public async Task<DownloadLink> CreateAsync(byte[] content, string contentType, string fileName, string createdFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(createdFor);
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(TokenBytes));
        var now = time.GetUtcNow();
        var expires = now + options.DownloadLinkLifetime;
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO downloads (token_hash, content, content_type, file_name, created_for, created, expires)
                VALUES ($hash, $content, $type, $name, $for, $now, $expires)
                """;
            command.Parameters.AddWithValue("$hash", Hash(token));
            command.Parameters.AddWithValue("$content", content);
            command.Parameters.AddWithValue("$type", contentType);
            command.Parameters.AddWithValue("$name", fileName);
            command.Parameters.AddWithValue("$for", createdFor);
            command.Parameters.AddWithValue("$now", DeliveryDatabase.ToUnixMs(now));
            command.Parameters.AddWithValue("$expires", DeliveryDatabase.ToUnixMs(expires));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Download link {LinkId} for {CreatedFor} ({FileName}, {Bytes} bytes) created, valid until {Expires:u}.",
            LinkId(token), createdFor, fileName, content.Length, expires);
        return new DownloadLink(token, PathPrefix + token, expires);
    }

    /// <inheritdoc />
    public async Task<(DownloadTakeResult Result, DownloadPayload? Payload)> TakeAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = Hash(token);
        var now = DeliveryDatabase.ToUnixMs(time.GetUtcNow());
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using (var transaction = (Microsoft.Data.Sqlite.SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
            {
                // Read and mark used in one write transaction (BEGIN IMMEDIATE): another process cannot take it in between.
                DownloadPayload? payload = null;
                await using (var read = connection.CreateCommand())
                {
                    read.Transaction = transaction;
                    read.CommandText = """
                        SELECT content, content_type, file_name, created_for FROM downloads
                        WHERE token_hash = $hash AND used IS NULL AND expires > $now AND content IS NOT NULL
                        """;
                    read.Parameters.AddWithValue("$hash", hash);
                    read.Parameters.AddWithValue("$now", now);
                    await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        payload = new DownloadPayload((byte[])reader.GetValue(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                    }
                }

                if (payload is not null)
                {
                    await using var use = connection.CreateCommand();
                    use.Transaction = transaction;
                    use.CommandText = "UPDATE downloads SET used = $now, content = NULL WHERE token_hash = $hash";
                    use.Parameters.AddWithValue("$hash", hash);
                    use.Parameters.AddWithValue("$now", now);
                    await use.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    logger.LogInformation("Download link {LinkId} for {CreatedFor} used ({FileName}).", LinkId(token), payload.CreatedFor, payload.FileName);
                    return (DownloadTakeResult.Taken, payload);
                }
            }

            await using var known = connection.CreateCommand();
            known.CommandText = "SELECT created_for, used FROM downloads WHERE token_hash = $hash";
            known.Parameters.AddWithValue("$hash", hash);
            await using var row = await known.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                logger.LogWarning("Download link {LinkId} for {CreatedFor} refused: {Why}.", LinkId(token), row.GetString(0), row.IsDBNull(1) ? "expired" : "already used");
                return (DownloadTakeResult.Gone, null);
            }

            logger.LogWarning("Unknown download link {LinkId} requested.", LinkId(token));
            return (DownloadTakeResult.Unknown, null);
        }
    }

    /// <summary>
    /// Drops the content of expired links and deletes links that expired more than a day ago (a used or expired link then
    /// answers 404 instead of 410). Returns how many rows changed.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = DeliveryDatabase.ToUnixMs(time.GetUtcNow());
        using (await database.WriteLockAsync(cancellationToken).ConfigureAwait(false))
        {
            await using var connection = database.Open();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE downloads SET content = NULL WHERE content IS NOT NULL AND expires <= $now;
                DELETE FROM downloads WHERE expires <= $now - 86400000;
                """;
            command.Parameters.AddWithValue("$now", now);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    // Logs name a link by the first characters of its hash: enough to follow one link through the log, useless to use it.
    private static string LinkId(string token) => Hash(token)[..12];
}
