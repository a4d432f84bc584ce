// The web app's settings, all in one function that main.bicep gives to the web app. Names use "__" for ":", since
// App Service passes them to the bot as environment variables. tests/EscalationBot.Tests/Deployment checks every
// name against appsettings.template.json, and runs the bot's own start checks on them (README, "Deploy to Azure
// and Teams", lists what each is for).

@export()
@description('Hangfire keeps its jobs in PostgreSQL, shared by every instance, when more than one instance runs.')
func usesPostgres(instanceCount int) bool => instanceCount > 1

@export()
type SettingsInput = {
  @description('The managed identity\'s client id: the bot\'s app id, and whom the Azure SDK signs in as.')
  identityClientId: string
  @description('The bot\'s Entra tenant.')
  tenantId: string
  @description('The Entra tenants served (Bot:AllowedTenants).')
  allowedTenants: string[]
  @description('The Storage account\'s table endpoint, https://<account>.table.core.windows.net/.')
  tableEndpoint: string
  @description('The web app\'s host name, without scheme.')
  hostName: string
  @description('Roster:Leads entries, aad:<Entra object id>.')
  leads: string[]
  @description('Roster:Specialists entries, aad:<Entra object id>.')
  specialists: string[]
  @description('The team\'s IANA time zone: the team\'s clock, the shifts\' and the business hours\'.')
  timeZone: string
  @description('Application Insights\' connection string (the bot exports to Azure Monitor when it is set).')
  appInsightsConnectionString: string
  @description('Web app instances; more than one puts Hangfire on PostgreSQL.')
  instanceCount: int
  @description('The Key Vault secret holding the Hangfire connection string: needed when usesPostgres(instanceCount).')
  hangfireConnectionSecretUri: string?
  @description('Hangfire:Dashboard:Authentication: LocalOnly or AppServiceAuthentication.')
  dashboardAuthentication: ('LocalOnly' | 'AppServiceAuthentication')
}

// Npgsql reads a double-quoted value verbatim (a doubled quote is one quote), so any password survives.
@export()
@description('The Npgsql connection string postgres.bicep keeps in Key Vault.')
func hangfireConnectionString(host string, database string, username string, password string) string =>
  'Host=${host};Database=${database};Username=${username};Password="${replace(password, '"', '""')}";SSL Mode=Require'

func indexed(prefix string, values string[]) object =>
  toObject(range(0, length(values)), i => '${prefix}__${i}', i => values[i])

@export()
func appSettings(input SettingsInput) object =>
  union(
    {
      ASPNETCORE_ENVIRONMENT: 'Production'
      MicrosoftAppType: 'UserAssignedMsi'
      MicrosoftAppId: input.identityClientId
      MicrosoftAppTenantId: input.tenantId
      AZURE_CLIENT_ID: input.identityClientId
      ConnectionStrings__Tables: input.tableEndpoint
      Bot__PublicUrl: 'https://${input.hostName}'
      Team__TimeZone: input.timeZone
      Shifts__TimeZone: input.timeZone
      Sla__BusinessHours__TimeZone: input.timeZone
      APPLICATIONINSIGHTS_CONNECTION_STRING: input.appInsightsConnectionString
      Hangfire__Dashboard__Authentication: input.dashboardAuthentication
    },
    indexed('Bot__AllowedTenants', input.allowedTenants),
    indexed('Roster__Leads', input.leads),
    indexed('Roster__Specialists', input.specialists),
    usesPostgres(input.instanceCount)
      ? {
          Hangfire__Storage: 'PostgreSql'
          // The password stays in Key Vault: App Service resolves the reference with the managed identity.
          ConnectionStrings__Hangfire: '@Microsoft.KeyVault(SecretUri=${input.hangfireConnectionSecretUri!})'
        }
      : { Hangfire__Storage: 'InMemory' }
  )
