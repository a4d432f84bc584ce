// An example: copy it (say to main.local.bicepparam, which is not committed), fill in the placeholders, and deploy
// with  az deployment group create -g <group> -f infra/azure/main.bicep -p infra/azure/main.local.bicepparam
using 'main.bicep'

param baseName = 'escbot'
param leads = ['aad:<lead Entra object id>']
param specialists = ['aad:<specialist Entra object id>', 'aad:<another specialist object id>']
param timeZone = 'Asia/Singapore'

// One instance keeps Hangfire's jobs in memory. 2 or more deploy PostgreSQL and need a password (never commit it):
// param instanceCount = 2
// param postgresAdminPassword = readEnvironmentVariable('POSTGRES_ADMIN_PASSWORD')
param instanceCount = 1
