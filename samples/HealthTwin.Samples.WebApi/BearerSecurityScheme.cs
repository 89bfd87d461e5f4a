using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HealthTwin.Samples.WebApi;

/// <summary>Declares the JWT bearer scheme in the OpenAPI document, required by every operation.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    private const string Name = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token whose 'sub' is the user id (HS256 with Auth:SigningKey, or issued by Auth:Authority).",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] }];
        return Task.CompletedTask;
    }
}
