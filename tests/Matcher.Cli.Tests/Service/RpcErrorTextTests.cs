using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Matcher.Cli.Commands.Service;
using Xunit;

namespace Matcher.Cli.Tests.Service;

/// <summary>Statuses the in-process server cannot be made to produce on demand: a deadline and several rejected fields.</summary>
public sealed class RpcErrorTextTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public void DeadlineWarnsThatAChangeMayHaveHappened()
    {
        var exception = new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"));

        var text = RpcErrorText.Describe(exception, "http://station-7:50051", Deadline);

        Assert.Equal("DeadlineExceeded: no answer from http://station-7:50051 within 120 s. A request that changes data may " +
            "still have been carried out: check with 'matcher subject' before retrying.", text);
    }

    [Fact]
    public void EveryRejectedFieldIsListedUnderTheMessage()
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "The subject id is empty.",
            Details =
            {
                Any.Pack(new ErrorInfo { Reason = "request.invalid_field", Domain = "matcher.v1" }),
                Any.Pack(new BadRequest
                {
                    FieldViolations =
                    {
                        new BadRequest.Types.FieldViolation { Field = "subject_id", Description = "The subject id is empty." },
                        new BadRequest.Types.FieldViolation { Field = "samples.fingerprints[1].position", Description = "Finger position 11 is not valid." },
                    },
                }),
            },
        };

        var text = RpcErrorText.Describe(status.ToRpcException(), "http://127.0.0.1:50051", Deadline);

        Assert.Equal(string.Join(Environment.NewLine,
            "InvalidArgument request.invalid_field: The subject id is empty.",
            "  field subject_id",
            "  field samples.fingerprints[1].position: Finger position 11 is not valid."), text);
    }
}
