using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace OrgRestructure.Messaging.ErrorQueues;

/// <summary>A message that ended in an _error queue after its retries, with MassTransit's fault headers.</summary>
public sealed record ErrorQueueMessage(
    string Queue,
    string? MessageId,
    string? MessageType,
    string? ExceptionType,
    string? ExceptionMessage,
    string? FaultedAt,
    string BodyExcerpt);

/// <summary>
/// Lets an operator look into the _error queues and send poison messages back to their queue
/// once the cause is fixed. Talks AMQP directly (RabbitMQ.Client), so it works without the
/// management plugin and without a running node.
/// </summary>
public sealed class ErrorQueueClient(Uri rabbitMqUri)
{
    public const string Suffix = "_error";

    /// <summary>Browses up to <paramref name="max"/> messages; they stay in the queue.</summary>
    public async Task<IReadOnlyList<ErrorQueueMessage>> ListAsync(string errorQueue, int max = 100, CancellationToken cancellationToken = default)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        if (!await ExistsAsync(connection, errorQueue, cancellationToken))
        {
            return [];
        }

        var result = new List<ErrorQueueMessage>();
        ulong lastTag = 0;
        while (result.Count < max && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } got)
        {
            result.Add(Describe(errorQueue, got));
            lastTag = got.DeliveryTag;
        }

        if (lastTag > 0)
        {
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Moves messages from <paramref name="errorQueue"/> back to its source queue (the name without
    /// "_error"): the one with <paramref name="messageId"/>, or all when it is null. Returns how many moved.
    /// </summary>
    public async Task<int> RetryAsync(string errorQueue, string? messageId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(errorQueue);
        if (!errorQueue.EndsWith(Suffix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{errorQueue}' is not an error queue (name must end with {Suffix}).", nameof(errorQueue));
        }

        var target = errorQueue[..^Suffix.Length];
        await using var connection = await ConnectAsync(cancellationToken);
        if (!await ExistsAsync(connection, errorQueue, cancellationToken))
        {
            return 0;
        }

        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var moved = 0;
        var skipped = new List<ulong>();
        while (await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } got)
        {
            if (messageId is not null && !string.Equals(got.BasicProperties.MessageId, messageId, StringComparison.OrdinalIgnoreCase))
            {
                skipped.Add(got.DeliveryTag);
                continue;
            }

            var properties = new BasicProperties(got.BasicProperties)
            {
                Headers = got.BasicProperties.Headers?
                    .Where(h => !h.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
            };

            // Confirmed by the broker before the error copy is acknowledged: a crash here duplicates, never loses.
            await channel.BasicPublishAsync(string.Empty, target, mandatory: true, properties, got.Body, cancellationToken);
            await channel.BasicAckAsync(got.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        foreach (var tag in skipped)
        {
            await channel.BasicNackAsync(tag, multiple: false, requeue: true, cancellationToken);
        }

        return moved;
    }

    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = rabbitMqUri, ClientProvidedName = "orgrestructure-cli" }.CreateConnectionAsync(cancellationToken);

    private static async Task<bool> ExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel: use a throw-away one.
        await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await probe.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return false;
        }
    }

    private static ErrorQueueMessage Describe(string queue, BasicGetResult got)
    {
        var headers = got.BasicProperties.Headers ?? new Dictionary<string, object?>();
        var body = Encoding.UTF8.GetString(got.Body.Span);
        return new ErrorQueueMessage(
            queue,
            got.BasicProperties.MessageId,
            MessageTypeOf(body),
            Header(headers, "MT-Fault-ExceptionType"),
            Header(headers, "MT-Fault-Message"),
            Header(headers, "MT-Fault-Timestamp"),
            body.Length > 300 ? body[..300] + "…" : body);
    }

    private static string? Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        } : null;

    private static string? MessageTypeOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()?.Replace("urn:message:", string.Empty, StringComparison.Ordinal)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
