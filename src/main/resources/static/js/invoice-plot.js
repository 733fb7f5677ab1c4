// The critical invoices' age × open amount plot; a click opens the invoice.
(function () {
  const canvas = document.getElementById('plot');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const points = JSON.parse(canvas.dataset.points);
  new Chart(canvas, {
    type: 'scatter',
    data: { datasets: [{ data: points, backgroundColor: 'rgba(190, 60, 50, 0.55)', pointRadius: 4, pointHoverRadius: 6 }] },
    options: {
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => item.raw.label + ' · ' + item.raw.x + ' days' } }
      },
      scales: {
        x: { title: { display: true, text: 'Days overdue' }, beginAtZero: true },
        y: { title: { display: true, text: 'Open amount' }, beginAtZero: true }
      },
      onClick: (event, elements) => {
        if (elements.length > 0) {
          window.location.href = '/invoices/' + encodeURIComponent(points[elements[0].index].id);
        }
      },
      onHover: (event, elements) => {
        event.native.target.style.cursor = elements.length > 0 ? 'pointer' : 'default';
      }
    }
  });
})();
