// The dashboard's charts, drawn from the JSON the page embeds (never from markup).
(function () {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const GOOD = '#198754', COLLECTIONS = '#fd7e14', MINE = '#d63384', OTHERS = 'rgba(13, 110, 253, 0.55)';
  const AGE_COLOURS = ['#20c997', '#ffc107', '#fd7e14', '#dc3545', '#842029', '#6f42c1', '#495057'];
  const number = new Intl.NumberFormat(undefined, {maximumFractionDigits: 0});
  // amounts with exactly their currency's decimals (none for JPY), as the server writes them
  const money = new Intl.NumberFormat(undefined, {minimumFractionDigits: data.digits, maximumFractionDigits: data.digits});

  const standingTitle = document.getElementById('standing-title');
  const back = document.getElementById('standing-back');
  const overview = {
    labels: ['Good standing', 'In collections'],
    datasets: [{data: [data.standing.goodStanding, data.standing.inCollections], backgroundColor: [GOOD, COLLECTIONS]}]
  };
  const byAge = {
    labels: data.buckets,
    datasets: [{data: data.inCollectionsByAge, backgroundColor: data.buckets.map((_, i) => AGE_COLOURS[i % AGE_COLOURS.length])}]
  };
  let drilled = false;
  const pie = new Chart(document.getElementById('standing-chart'), {
    type: 'doughnut',
    data: overview,
    options: {
      maintainAspectRatio: false,
      plugins: {
        legend: {position: 'right'},
        tooltip: {callbacks: {label: (ctx) => ' ' + ctx.label + ': ' + number.format(ctx.parsed) + ' accounts'}}
      },
      onHover: (event, elements) => {
        event.native.target.style.cursor = !drilled && elements.length && elements[0].index === 1 ? 'pointer' : 'default';
      },
      onClick: (event, elements) => {
        if (!drilled && elements.length && elements[0].index === 1) {
          show(true);
        }
      }
    }
  });
  function show(ages) {
    drilled = ages;
    pie.data = ages ? byAge : overview;
    pie.tooltip.setActiveElements([], {x: 0, y: 0});
    pie.update();
    standingTitle.textContent = ages ? 'In collections by age' : 'Status of accounts';
    back.classList.toggle('d-none', !ages);
  }
  back.addEventListener('click', () => show(false));

  const mine = data.points.filter((p) => p.mine);
  const others = data.points.filter((p) => !p.mine);
  new Chart(document.getElementById('scatter-chart'), {
    type: 'scatter',
    data: {
      datasets: [
        {label: 'Your accounts', data: mine, backgroundColor: MINE, pointRadius: 5, pointHoverRadius: 7, order: 0},
        {label: 'Other accounts', data: others, backgroundColor: OTHERS, pointRadius: 4, pointHoverRadius: 6, order: 1}
      ]
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        x: {title: {display: true, text: 'Days past due (oldest unpaid invoice)'}, beginAtZero: true},
        y: {title: {display: true, text: 'Overdue balance (' + data.currency + ')'}, beginAtZero: true,
            ticks: {callback: (value) => number.format(value)}}
      },
      plugins: {
        tooltip: {callbacks: {label: (ctx) => {
          const p = ctx.raw;
          return [p.name + ' (' + p.id + ')', money.format(p.y) + ' ' + data.currency + ' overdue · ' + p.x + ' days',
                  'Agent: ' + p.agent];
        }}}
      },
      onHover: (event, elements) => { event.native.target.style.cursor = elements.length ? 'pointer' : 'default'; },
      onClick: (event, elements) => {
        if (elements.length) {
          const p = event.chart.data.datasets[elements[0].datasetIndex].data[elements[0].index];
          window.location.href = '/accounts/' + encodeURIComponent(p.id);
        }
      }
    }
  });
}());
