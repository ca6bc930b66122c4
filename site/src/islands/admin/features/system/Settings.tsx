import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import type { Schemas } from '../../api/types';
import { FormError, TextArea, TextField } from '../../components/Field';
import { moved, Sortable, useSortableItem } from '../../components/Sortable';
import { useUi } from '../../components/UiProvider';
import { ErrorNote, Loading, PageHeader } from '../../components/bits';
import { useApi, useSession } from '../../lib/session';
import { useLoad } from '../../lib/useLoad';
import { useUnsavedChanges } from '../../lib/unsaved';
import { useMediaPicker } from '../media/MediaPicker';

type SiteSettings = Schemas['SiteSettings'];

/** Site title, locale, tagline, accent colour, author (role, photo), social links and navigation; saving rebuilds the site. */
export function Settings() {
  const api = useApi();
  const { can } = useSession();
  const { notify } = useUi();
  const loaded = useLoad(async () => unwrap(await api.GET('/api/v1/admin/settings')), []);
  const [s, setS] = useState<SiteSettings>();
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // What the server holds: the form differs from it while there are unsaved edits.
  const [savedJson, setSavedJson] = useState('');
  const ro = !can('settings:write');
  const photo = useMediaPicker('Choose your photo');
  const rowIds = useRowIds();
  useUnsavedChanges(() => Boolean(s) && JSON.stringify(s) !== savedJson);

  useEffect(() => {
    setS(loaded.data);
    setSavedJson(JSON.stringify(loaded.data));
  }, [loaded.data]);

  if (loaded.loading || !s)
    return (
      <>
        <PageHeader title="Settings" />
        {loaded.error ? <ErrorNote message={loaded.error} retry={loaded.reload} /> : <Loading />}
      </>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const saved = unwrap(await api.PATCH('/api/v1/admin/settings', { body: s }));
      setS(saved);
      setSavedJson(JSON.stringify(saved));
      notify('Settings saved. The site rebuilds in a moment.');
    } catch (err) {
      setError(messageOf(err));
      setFields(fieldErrorsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const links = (key: 'social' | 'navigation', labelUrl: 'url' | 'href', title: string) => {
    const list = s[key] as unknown as Record<string, string>[];
    const ids = rowIds.get(key, list.length);
    const set = (next: Record<string, string>[]) => setS({ ...s, [key]: next });
    const nameOf = (i: number) => list[i]?.label || `row ${i + 1}`;
    const move = (from: number, to: number) => {
      rowIds.move(key, from, to);
      set(moved(list, from, to));
    };
    const remove = (i: number) => {
      rowIds.remove(key, i);
      set(list.filter((_, j) => j !== i));
    };
    const fieldError = (i: number, name: string) => fields[`${key}.${i}.${name}`] ?? fields[`${key}[${i}].${name}`];
    return (
      <fieldset className="card">
        <legend>{title}</legend>
        {!ro && list.length > 1 && (
          <p className="muted small">
            {key === 'navigation' ? 'The site’s menu shows these in this order.' : 'Shown in this order.'} Drag a row by
            ⠿, or focus ⠿, press Space and use the arrow keys; save to apply.
          </p>
        )}
        <Sortable ids={ids} nameOf={(id) => nameOf(ids.indexOf(id))} onMove={move}>
          {list.map((item, i) => (
            <LinkRow key={ids[i]} id={ids[i]!} name={nameOf(i)} ro={ro}>
              <TextField
                label="Label"
                value={item.label ?? ''}
                onValue={(v) => set(list.map((x, j) => (j === i ? { ...x, label: v } : x)))}
                error={fieldError(i, 'label')}
                readOnly={ro}
              />
              <TextField
                label={labelUrl === 'url' ? 'URL' : 'Link'}
                value={item[labelUrl] ?? ''}
                onValue={(v) => set(list.map((x, j) => (j === i ? { ...x, [labelUrl]: v } : x)))}
                error={fieldError(i, labelUrl)}
                readOnly={ro}
              />
              {!ro && (
                <div className="actions-inline row-tools">
                  {/* One click per step: the alternative to dragging for a pointer (WCAG 2.5.7). */}
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Move ${nameOf(i)} up`}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Move ${nameOf(i)} down`}
                    disabled={i === list.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Remove ${nameOf(i)}`}
                    onClick={() => remove(i)}
                  >
                    Remove
                  </button>
                </div>
              )}
            </LinkRow>
          ))}
        </Sortable>
        {!ro && list.length < 20 && (
          <button type="button" className="btn btn-small" onClick={() => set([...list, { label: '', [labelUrl]: '' }])}>
            Add {key === 'social' ? 'a link' : 'a menu item'}
          </button>
        )}
        {fields[key] && <span className="field-error">{fields[key]}</span>}
      </fieldset>
    );
  };

  return (
    <>
      <PageHeader title="Settings" />
      <form onSubmit={(e) => void submit(e)} className="settings">
        <fieldset className="card">
          <legend>Site</legend>
          <TextField
            label="Site title"
            value={s.site.title}
            onValue={(v) => setS({ ...s, site: { ...s.site, title: v } })}
            maxLength={120}
            required
            error={fields['site.title']}
            readOnly={ro}
          />
          <TextArea
            label="Description"
            value={s.site.description}
            onValue={(v) => setS({ ...s, site: { ...s.site, description: v } })}
            maxLength={500}
            rows={2}
            error={fields['site.description']}
            readOnly={ro}
          />
          <TextField
            label="Locale"
            value={s.site.locale}
            onValue={(v) => setS({ ...s, site: { ...s.site, locale: v } })}
            maxLength={20}
            hint="BCP 47, e.g. tr-TR or en-US"
            error={fields['site.locale']}
            readOnly={ro}
          />
          <TextField
            label="Tagline"
            value={s.site.tagline ?? ''}
            onValue={(v) => setS({ ...s, site: { ...s.site, tagline: v } })}
            maxLength={200}
            hint="One line under your name on the home page."
            error={fields['site.tagline']}
            readOnly={ro}
          />
          <div className="field">
            <label htmlFor="accent-colour">Accent colour</label>
            <div className="row">
              <input
                id="accent-colour"
                type="color"
                value={s.site.accentColor ?? '#2563eb'}
                disabled={ro}
                onChange={(e) => setS({ ...s, site: { ...s.site, accentColor: e.target.value } })}
              />
              <code>{s.site.accentColor ?? 'default'}</code>
              {!ro && s.site.accentColor && (
                <button
                  type="button"
                  className="btn-link"
                  onClick={() => setS({ ...s, site: { ...s.site, accentColor: null } })}
                >
                  Use the default
                </button>
              )}
            </div>
            {fields['site.accentColor'] && <p className="field-error">{fields['site.accentColor']}</p>}
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>Author</legend>
          <TextField
            label="Name"
            value={s.author.name}
            onValue={(v) => setS({ ...s, author: { ...s.author, name: v } })}
            maxLength={120}
            error={fields['author.name']}
            readOnly={ro}
          />
          <TextField
            label="Public e-mail"
            type="email"
            value={s.author.email}
            onValue={(v) => setS({ ...s, author: { ...s.author, email: v } })}
            maxLength={254}
            error={fields['author.email']}
            readOnly={ro}
          />
          <TextArea
            label="Bio"
            value={s.author.bio}
            onValue={(v) => setS({ ...s, author: { ...s.author, bio: v } })}
            maxLength={1000}
            rows={3}
            error={fields['author.bio']}
            readOnly={ro}
          />
          <TextField
            label="Role"
            value={s.author.role ?? ''}
            onValue={(v) => setS({ ...s, author: { ...s.author, role: v } })}
            maxLength={120}
            hint="What you do, e.g. Full-stack developer."
            error={fields['author.role']}
            readOnly={ro}
          />
          <div className="field">
            <span className="label">Photo</span>
            <div className="row">
              <span className="muted">{s.author.avatarId ? 'Chosen from the media library' : 'None'}</span>
              {!ro && (
                <button
                  type="button"
                  className="btn"
                  onClick={() =>
                    void photo.pick().then((m) => m && setS({ ...s, author: { ...s.author, avatarId: m.id } }))
                  }
                >
                  {s.author.avatarId ? 'Change photo' : 'Choose photo'}
                </button>
              )}
              {!ro && s.author.avatarId && (
                <button
                  type="button"
                  className="btn-link"
                  onClick={() => setS({ ...s, author: { ...s.author, avatarId: null } })}
                >
                  Remove
                </button>
              )}
            </div>
          </div>
          {photo.element}
        </fieldset>
        {links('social', 'url', 'Social links')}
        {links('navigation', 'href', 'Navigation')}
        <FormError message={error} />
        {!ro && (
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        )}
      </form>
    </>
  );
}

/** A row of label + link fields, moved by its handle. */
function LinkRow({ id, name, ro, children }: { id: string; name: string; ro: boolean; children: ReactNode }) {
  const { ref, style, handle, isDragging } = useSortableItem(id, name, ro);
  return (
    <div ref={ref} style={style} className={`link-row${ro ? '' : ' sortable-row'}${isDragging ? ' is-dragging' : ''}`}>
      {handle}
      {children}
    </div>
  );
}

/**
 * Stable keys for rows that have no id of their own (menu items, social links), so a row keeps its
 * inputs (and focus) while it moves. A move or removal replaces a list's keys with a new array (the
 * old one still describes the order on screen until the next render).
 */
function useRowIds() {
  const counter = useRef(0);
  const lists = useRef<Record<string, string[]>>({});
  return {
    get(list: string, length: number): string[] {
      const ids = (lists.current[list] ??= []);
      while (ids.length < length) ids.push(`${list}-${counter.current++}`);
      if (ids.length > length) lists.current[list] = ids.slice(0, length);
      return lists.current[list]!;
    },
    move(list: string, from: number, to: number) {
      lists.current[list] = moved(lists.current[list] ?? [], from, to);
    },
    remove(list: string, i: number) {
      lists.current[list] = (lists.current[list] ?? []).filter((_, j) => j !== i);
    },
  };
}
