import { render } from 'preact';
import 'uplot/dist/uPlot.min.css';
import '@/components/pages/page.css';
import '@/components/dashboard/dashboard.css';
import { DashboardApp } from '@/components/dashboard/dashboard-app';
import { readLastView } from '@/utils/db/dashboard-views';
import { figuresFromDatabase } from './figures-from-database';

// The figures kept from the last visit, read (read-only) while the page starts: painted first,
// labelled with their time, until the present figures replace them.
const lastView = readLastView(indexedDB, 'local');
const figuresOf = figuresFromDatabase(indexedDB);
const root = document.getElementById('app');
if (root) render(<DashboardApp figuresOf={figuresOf} lastView={lastView} />, root);
