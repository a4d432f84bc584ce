// The Azure Bot: the bot's registration with the Bot Framework, signed in as the user-assigned managed identity
// (no secret), and its Microsoft Teams channel.

param name string

@maxLength(42)
param displayName string

param identityResourceId string
param identityClientId string
param tenantId string

@description('The web app\'s host name; the Bot Connector posts to https://<host>/api/messages.')
param hostName string

@allowed(['F0', 'S1'])
param sku string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${hostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
