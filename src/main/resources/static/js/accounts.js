// The accounts list: picking accounts for a basket or a bulk action, and the bulk form's fields per action.
(function () {
  const all = document.getElementById('select-all');
  const matching = document.getElementById('select-matching');
  const allMatching = document.getElementById('all-matching');
  const picks = () => Array.from(document.querySelectorAll('#accounts .pick'));
  const picked = () => picks().filter(p => p.checked);
  const action = document.getElementById('bulk-action');
  const count = () => {
    const n = allMatching.value === 'true' ? Number(allMatching.dataset.total) : picked().length;
    document.getElementById('picked').textContent = (allMatching.value === 'true' ? 'All ' + n + ' matching' : n) + ' selected';
    document.getElementById('bulk-count').textContent = n + (n === 1 ? ' account' : ' accounts');
    document.getElementById('bulk-preview-button').disabled = n === 0;
    document.getElementById('add-to-basket').disabled = picked().length === 0;
  };
  const show = () => document.querySelectorAll('#bulk-form [data-for]').forEach(group => {
    const on = group.dataset.for.split(' ').includes(action.value);
    group.classList.toggle('shown', on);
    group.querySelectorAll('input, select').forEach(input => input.disabled = !on);
  });
  if (all) all.addEventListener('change', () => { allMatching.value = 'false'; picks().forEach(p => p.checked = all.checked); count(); });
  picks().forEach(p => p.addEventListener('change', () => { allMatching.value = 'false'; count(); }));
  if (matching) matching.addEventListener('click', () => { allMatching.value = 'true'; picks().forEach(p => p.checked = true); count(); });
  action.addEventListener('change', show);
  document.getElementById('basket-form').addEventListener('submit', () => {
    const form = document.getElementById('basket-form');
    form.querySelectorAll('input[name=accountIds]').forEach(i => i.remove());
    picked().forEach(p => { const i = document.createElement('input'); i.type = 'hidden'; i.name = 'accountIds'; i.value = p.value; form.appendChild(i); });
  });
  show();
  count();
})();
