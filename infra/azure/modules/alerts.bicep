// The runbook's alerts (README, "Deploy to Azure and Teams"): log queries over the workspace that Application
// Insights and the web app's platform logs write to, and App Service's health check as a metric. The bot's own
// metrics (meter EscalationBot) arrive in AppMetrics, its requests in AppRequests, its logs in AppTraces.

param location string
param baseName string
param workspaceId string
param webAppId string

@description('Who hears of an alert by email; empty: the alerts fire in the portal only.')
param email string

var actions = empty(email) ? [] : [actionGroup.id]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(email)) {
  name: 'ag-${baseName}'
  location: 'Global'
  properties: {
    groupShortName: take('esc${baseName}', 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operators'
        emailAddress: email
        useCommonAlertSchema: true
      }
    ]
  }
}

// Each rule: a query whose rows (or measure) past the threshold raise it. Severity 0 critical to 4 verbose.
var queries = [
  {
    name: 'outbox-stuck'
    description: 'The outbox\'s oldest unsent row is over 5 minutes old: queue cards and notices are not going out.'
    severity: 1
    query: 'AppMetrics | where Name == "escalationbot.outbox.oldest_age" | summarize Age = max(Max) by bin(TimeGenerated, 5m)'
    measure: 'Age'
    aggregation: 'Maximum'
    threshold: 300
  }
  {
    name: 'sla-breach'
    description: 'A case breached its SLA (informational: the leads\' channel has the case card).'
    severity: 3
    query: 'AppMetrics | where Name == "escalationbot.sla.breaches" | summarize Breaches = sum(Sum) by bin(TimeGenerated, 5m)'
    measure: 'Breaches'
    aggregation: 'Total'
    threshold: 0
  }
  {
    name: 'slow-turns'
    description: 'The 95th percentile of /api/messages is over 3 s: Teams retries an invoke after about 5 s.'
    severity: 2
    query: 'AppRequests | where Url endswith "/api/messages" | summarize P95 = percentile(DurationMs, 95) by bin(TimeGenerated, 5m)'
    measure: 'P95'
    aggregation: 'Maximum'
    threshold: 3000
  }
  {
    name: 'messages-5xx'
    description: '/api/messages answered 5xx: the Bot Connector retries, then Teams shows the user an error.'
    severity: 1
    query: 'AppServiceHTTPLogs | where CsUriStem == "/api/messages" and ScStatus >= 500'
    measure: ''
    aggregation: 'Count'
    threshold: 0
  }
  {
    name: 'errors-logged'
    description: 'The bot logged an error: a Hangfire job that failed for good, an outbox row given up on, a turn error.'
    severity: 2
    query: 'AppTraces | where SeverityLevel >= 3'
    measure: ''
    aggregation: 'Count'
    threshold: 0
  }
]

resource rules 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = [
  for rule in queries: {
    name: 'alert-${baseName}-${rule.name}'
    location: location
    properties: {
      displayName: 'EscalationBot: ${rule.name}'
      description: rule.description
      severity: rule.severity
      enabled: true
      scopes: [workspaceId]
      evaluationFrequency: 'PT5M'
      windowSize: 'PT5M'
      autoMitigate: true
      // A fresh workspace has no AppMetrics or AppServiceHTTPLogs rows yet; validating the query would fail on them.
      skipQueryValidation: true
      criteria: {
        allOf: [
          {
            query: rule.query
            timeAggregation: rule.aggregation
            metricMeasureColumn: empty(rule.measure) ? null : rule.measure
            operator: 'GreaterThan'
            threshold: rule.threshold
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      actions: {
        actionGroups: actions
      }
    }
  }
]

// App Service pings /healthz/ready on every instance each minute; below 100% means an instance is failing it.
resource readiness 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${baseName}-readiness'
  location: 'global'
  properties: {
    description: 'An instance fails /healthz/ready: Table Storage (or PostgreSQL) does not answer within 2 s.'
    severity: 1
    enabled: true
    scopes: [webAppId]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'HealthCheckStatus'
          metricName: 'HealthCheckStatus'
          metricNamespace: 'Microsoft.Web/sites'
          operator: 'LessThan'
          threshold: 100
          timeAggregation: 'Average'
        }
      ]
    }
    actions: [for id in actions: { actionGroupId: id }]
  }
}
