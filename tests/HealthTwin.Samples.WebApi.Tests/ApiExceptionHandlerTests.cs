using HealthTwin.Aws.S3;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace HealthTwin.Samples.WebApi.Tests;

public sealed class ApiExceptionHandlerTests
{
    [Fact]
    public void Describe_StorageFailure_Is503WithoutInternals()
    {
        var failure = new S3StorageException("PutObject", "secret-bucket", "users/alice/reports/x.json", System.Net.HttpStatusCode.InternalServerError, "InternalError", "req-1", new IOException("socket closed"));

        ProblemDetails problem = ApiExceptionHandler.Describe(failure);

        problem.Status.Should().Be(StatusCodes.Status503ServiceUnavailable);
        (problem.Title + problem.Detail).Should().NotContain("secret-bucket").And.NotContain("alice").And.NotContain("socket");
    }

    [Fact]
    public void Describe_UnexpectedException_Is500WithoutItsMessage()
    {
        ProblemDetails problem = ApiExceptionHandler.Describe(new InvalidOperationException("internal detail"));

        problem.Status.Should().Be(StatusCodes.Status500InternalServerError);
        (problem.Title + problem.Detail).Should().NotContain("internal detail");
    }
}
