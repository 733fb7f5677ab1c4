// An agent's charts, drawn from the JSON the page embeds.
(function () {
  const data = JSON.parse(document.getElementById('agent-data').textContent);
  const STATUS_COLOURS = {GOOD_STANDING: '#198754', IN_COLLECTIONS: '#fd7e14', PROMISE_TO_PAY: '#0dcaf0', DISPUTED: '#6f42c1',
    ESCALATED: '#dc3545', WITH_AGENCY: '#842029', WRITTEN_OFF: '#6c757d'};
  const statuses = Object.keys(data.byStatus);
  const label = (status) => status.charAt(0) + status.slice(1).toLowerCase().replaceAll('_', ' ');
  new Chart(document.getElementById('status-chart'), {
    type: 'doughnut',
    data: {labels: statuses.map(label),
      datasets: [{data: statuses.map((s) => data.byStatus[s]), backgroundColor: statuses.map((s) => STATUS_COLOURS[s] || '#adb5bd')}]},
    options: {maintainAspectRatio: false, plugins: {legend: {position: 'right'}}}
  });
  new Chart(document.getElementById('age-chart'), {
    type: 'bar',
    data: {labels: data.buckets, datasets: [{label: 'Accounts', data: data.inCollectionsByAge, backgroundColor: '#fd7e14'}]},
    options: {maintainAspectRatio: false, plugins: {legend: {display: false}}, scales: {
      x: {title: {display: true, text: 'Days past due (oldest unpaid invoice)'}},
      y: {beginAtZero: true, ticks: {precision: 0}, title: {display: true, text: 'Accounts'}}}}
  });
}());
