import {
  AlignLeftOutlined,
  AppstoreOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  CheckSquareOutlined,
  DownSquareOutlined,
  EyeOutlined,
  FieldNumberOutlined,
  FontSizeOutlined,
  PaperClipOutlined,
  TableOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { type FieldKind } from '../model/form-model';

/** One icon per field kind, shared by the palette, the canvas and the property editor. */
export const FIELD_ICONS: Record<FieldKind, ReactNode> = {
  text: <FontSizeOutlined />,
  textarea: <AlignLeftOutlined />,
  number: <FieldNumberOutlined />,
  date: <CalendarOutlined />,
  select: <DownSquareOutlined />,
  radio: <CheckCircleOutlined />,
  checkbox: <CheckSquareOutlined />,
  user: <UserOutlined />,
  unit: <BankOutlined />,
  attachment: <PaperClipOutlined />,
  table: <TableOutlined />,
  display: <EyeOutlined />,
  custom: <AppstoreOutlined />,
};
