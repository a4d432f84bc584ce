// EscalationBot in Azure: the bot's managed identity, the Azure Bot with its Teams channel, a Linux web app on
// .NET 10, Table Storage reached through the identity, Log Analytics with Application Insights, and, when more than
// one instance runs, PostgreSQL for Hangfire with its connection string in Key Vault. See README, "Deploy to Azure
// and Teams". Deploy into a resource group: az deployment group create -f infra/azure/main.bicep -p ...

import { appSettings, usesPostgres } from 'app-settings.bicep'

@minLength(3)
@maxLength(12)
@description('Lower-case letters and digits, starting with a letter: the stem of every resource name (escbot).')
param baseName string

param location string = resourceGroup().location

@maxLength(42)
@description('The bot\'s name in Teams (the Azure Bot\'s display name).')
param botDisplayName string = 'EscalationBot'

@allowed(['F0', 'S1'])
@description('Azure Bot pricing tier: F0 is free for the Teams channel (standard channels are free on either).')
param botSku string = 'F0'

@description('App Service plan SKU (Linux): B1 or above, since the bot needs Always On. P0v3 for production.')
param appServiceSku string = 'P0v3'

@minValue(1)
@maxValue(10)
@description('Web app instances. More than one puts Hangfire on PostgreSQL (deployed only then).')
param instanceCount int = 1

@description('The Entra tenants whose Teams may talk to the bot (Bot:AllowedTenants): this tenant by default.')
param allowedTenants string[] = [tenant().tenantId]

@minLength(1)
@description('The leads (Roster:Leads), each aad:<Entra object id>.')
param leads string[]

@description('The specialists (Roster:Specialists), each aad:<Entra object id>.')
param specialists string[]

@description('The team\'s IANA time zone (Team:TimeZone, Shifts:TimeZone, Sla:BusinessHours:TimeZone).')
param timeZone string = 'Asia/Singapore'

@description('Who may open the Hangfire dashboard: AppServiceAuthentication only behind App Service authentication.')
param dashboardAuthentication ('LocalOnly' | 'AppServiceAuthentication') = 'LocalOnly'

@description('PostgreSQL administrator login (with more than one instance).')
param postgresAdminLogin string = 'escalationbot'

@secure()
@description('PostgreSQL administrator password: required with more than one instance, stored only in Key Vault.')
param postgresAdminPassword string = ''

@description('Who hears of the runbook\'s alerts by email; empty: alerts show in the portal only.')
param alertEmail string = ''

var suffix = uniqueString(resourceGroup().id, baseName)
var postgres = usesPostgres(instanceCount)
var names = {
  identity: 'id-${baseName}'
  plan: 'plan-${baseName}'
  webApp: 'app-${baseName}-${suffix}'
  bot: 'bot-${baseName}-${suffix}'
  storage: take('st${baseName}${suffix}', 24)
  logAnalytics: 'log-${baseName}'
  appInsights: 'appi-${baseName}'
  postgres: 'psql-${baseName}-${suffix}'
  keyVault: take('kv${baseName}${suffix}', 24)
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: names.identity
  location: location
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    logAnalyticsName: names.logAnalytics
    appInsightsName: names.appInsights
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: names.appInsights
  dependsOn: [monitoring]
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: names.storage
    identityPrincipalId: identity.properties.principalId
  }
}

module hangfireDatabase 'modules/postgres.bicep' = if (postgres) {
  name: 'postgres'
  params: {
    location: location
    serverName: names.postgres
    keyVaultName: names.keyVault
    identityPrincipalId: identity.properties.principalId
    administratorLogin: postgresAdminLogin
    administratorPassword: postgresAdminPassword
  }
}

module webApp 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    location: location
    planName: names.plan
    webAppName: names.webApp
    skuName: appServiceSku
    instanceCount: instanceCount
    identityResourceId: identity.id
    workspaceId: monitoring.outputs.workspaceId
  }
}

module webAppSettings 'modules/webapp-settings.bicep' = {
  name: 'webapp-settings'
  params: {
    webAppName: webApp.outputs.name
    appSettings: appSettings({
      identityClientId: identity.properties.clientId
      tenantId: identity.properties.tenantId
      allowedTenants: allowedTenants
      tableEndpoint: storage.outputs.tableEndpoint
      hostName: webApp.outputs.hostName
      leads: leads
      specialists: specialists
      timeZone: timeZone
      appInsightsConnectionString: appInsights.properties.ConnectionString
      instanceCount: instanceCount
      hangfireConnectionSecretUri: postgres ? hangfireDatabase!.outputs.connectionStringSecretUri : null
      dashboardAuthentication: dashboardAuthentication
    })
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: names.bot
    displayName: botDisplayName
    sku: botSku
    identityResourceId: identity.id
    identityClientId: identity.properties.clientId
    tenantId: identity.properties.tenantId
    hostName: webApp.outputs.hostName
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    location: location
    baseName: baseName
    workspaceId: monitoring.outputs.workspaceId
    webAppId: webApp.outputs.id
    email: alertEmail
  }
}

@description('The bot\'s host name: the Teams app package\'s validDomains, and https://<host>/api/messages.')
output webAppHostName string = webApp.outputs.hostName
@description('The bot id (the managed identity\'s client id): the Teams app package\'s bot id.')
output botId string = identity.properties.clientId
output tenantId string = identity.properties.tenantId
output webAppName string = webApp.outputs.name
output botName string = bot.outputs.name
output storageAccountName string = storage.outputs.name
output appInsightsName string = monitoring.outputs.appInsightsName
output postgresServerName string = postgres ? hangfireDatabase!.outputs.serverName : ''
output keyVaultName string = postgres ? hangfireDatabase!.outputs.keyVaultName : ''
output hangfireSecretName string = postgres ? hangfireDatabase!.outputs.secretName : ''
