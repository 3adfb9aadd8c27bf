using System.Text;
using OrgRestructure.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace OrgRestructure.Server.Tests.Infrastructure;

public sealed class RealRabbitMqTests
{
    [Fact]
    public async Task a_message_published_to_the_real_rabbitmq_reaches_its_consumer()
    {
        var server = await RabbitMqServer.GetAsync();
        var factory = new ConnectionFactory { Uri = await server.CreateVirtualHostAsync("publish") };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("notifications", durable: true, exclusive: false, autoDelete: false)).QueueName;

        var received = new TaskCompletionSource<(string Body, string? MessageId)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            received.TrySetResult((Encoding.UTF8.GetString(delivery.Body.Span), delivery.BasicProperties.MessageId));
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);

        var properties = new BasicProperties { MessageId = "step-3-completed", Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes("Bước 3: bầu cử hoàn tất"));

        var (body, messageId) = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("Bước 3: bầu cử hoàn tất", body);
        Assert.Equal("step-3-completed", messageId);
    }

    [Fact]
    public async Task queues_in_one_virtual_host_are_invisible_in_another()
    {
        var server = await RabbitMqServer.GetAsync();
        var first = await server.CreateVirtualHostAsync("isolated");
        var second = await server.CreateVirtualHostAsync("isolated");
        Assert.NotEqual(first, second);

        await using (var connection = await new ConnectionFactory { Uri = first }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("only-here", durable: true, exclusive: false, autoDelete: false);
        }

        await using var other = await new ConnectionFactory { Uri = second }.CreateConnectionAsync();
        await using var otherChannel = await other.CreateChannelAsync();
        await Assert.ThrowsAsync<OperationInterruptedException>(() => otherChannel.QueueDeclarePassiveAsync("only-here"));
    }
}
