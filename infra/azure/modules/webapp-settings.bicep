// The web app's app settings: all of them, replacing whatever was there (app-settings.bicep builds them).

param webAppName string

@description('Every app setting, name to value.')
param appSettings object

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: webAppName
}

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: appSettings
}
